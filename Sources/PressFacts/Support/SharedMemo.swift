import Foundation

/// A bounded, lock-protected memo shared by the threads of a batch.
///
/// The validator asks the same questions of every document: does "f12" match
/// the id pattern, what are the bounds of "2025", is "个" a known unit. The
/// answers cost far more than a look-up (NSRegularExpression, splitting strings,
/// normalizing a measure word), and the set of questions is small, so each is
/// answered once. When the memo holds `limit` answers it starts again, so
/// memory stays bounded however many distinct values a batch has.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var answers = [Key: Value]()
  private let limit: Int

  init(limit: Int = 8192) { self.limit = limit }

  func value(for key: Key, _ compute: () -> Value) -> Value {
    lock.lock()
    let known = answers[key]
    lock.unlock()
    if let known { return known }
    let value = compute()
    lock.lock()
    if answers.count >= limit { answers.removeAll(keepingCapacity: true) }
    answers[key] = value
    lock.unlock()
    return value
  }
}
