import Testing

@testable import PressFacts

@Suite struct SHA256Tests {
  @Test("FIPS 180-4 example digests")
  func knownDigests() {
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(
      SHA256.hex(Array(twoBlocks.utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("a million a's (FIPS 180-4), and input that is not contiguous in memory")
  func longAndNonContiguous() {
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    let lazy = "abc".utf8.lazy.map { $0 }
    #expect(SHA256.hex(lazy) == SHA256.hex(Array("abc".utf8)))
  }
}
