// A thin C wrapper over the system ICU (Debian libicu-dev).
//
// ICU's C entry points are macros renamed to versioned symbols (ubrk_open ->
// ubrk_open_72), which Swift cannot import. Each function here forwards to
// one ICU call sequence; buffers are owned by the Swift caller. Every
// function returns a count (or -1) and sets *status to an ICU error code.
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

/// Word (kind 0) or sentence (kind 1) boundaries of `text` for `locale`.
/// Writes up to `cap` boundary offsets (UTF-16 units, the first is 0) and,
/// for words, the rule status of the segment that ends at each boundary.
/// The break iterator is cached per thread and per kind.
int32_t pf_breaks(int32_t kind, const char *locale, const uint16_t *text, int32_t len,
                  int32_t *boundaries, int32_t *statuses, int32_t cap, int32_t *status);

/// NFKC-normalizes `src` into `dst`; returns the length written.
int32_t pf_nfkc(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *status);

/// Runs the ICU transliterator `id` (e.g. "Traditional-Simplified") over `buf`
/// in place; `len` is the text length, `cap` the buffer capacity. Returns the new length.
int32_t pf_transliterate(const char *id, uint16_t *buf, int32_t len, int32_t cap, int32_t *status);

/// Detects the charset of `bytes`; copies its ICU name into `name` and
/// returns the detector's confidence (0-100), or -1.
int32_t pf_detect_charset(const char *bytes, int32_t len, char *name, int32_t nameCap,
                          int32_t *status);

/// Converts `bytes` in `charset` to UTF-16, stopping at the first illegal or
/// unmappable byte sequence; *errorOffset receives its byte offset (else -1).
int32_t pf_convert(const char *charset, const char *bytes, int32_t len, uint16_t *dst,
                   int32_t cap, int32_t *errorOffset, int32_t *status);

#endif
