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

  @Test(
    "the SHA-instruction path and the portable path agree on every length around the block size")
  func acceleratedMatchesPortable() {
    var generator = SystemRandomNumberGenerator()
    for length in Array(0...200) + [447, 448, 511, 512, 4096, 100_003] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let portable = bytes.withUnsafeBufferPointer { SHA256.hex($0, accelerated: false) }
      #expect(SHA256.hex(bytes) == portable, "length \(length)")
    }
  }
}
