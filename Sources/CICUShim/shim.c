#include "CICUShim.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

// Opening a dictionary-based break iterator costs far more than using it, so
// each thread keeps one per kind (and locale) for its lifetime.
static _Thread_local UBreakIterator *cachedIterator[2];
static _Thread_local char cachedLocale[2][32];

static UBreakIterator *iteratorFor(int32_t kind, const char *locale, UErrorCode *err) {
  if (cachedIterator[kind] && strncmp(cachedLocale[kind], locale, 31) == 0) {
    return cachedIterator[kind];
  }
  if (cachedIterator[kind]) ubrk_close(cachedIterator[kind]);
  cachedIterator[kind] = ubrk_open(kind == 0 ? UBRK_WORD : UBRK_SENTENCE, locale, NULL, 0, err);
  strncpy(cachedLocale[kind], locale, 31);
  cachedLocale[kind][31] = 0;
  return cachedIterator[kind];
}

int32_t pf_breaks(int32_t kind, const char *locale, const uint16_t *text, int32_t len,
                  int32_t *boundaries, int32_t *statuses, int32_t cap, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIterator *bi = iteratorFor(kind, locale, &err);
  if (U_FAILURE(err)) { *status = err; return -1; }
  ubrk_setText(bi, (const UChar *)text, len, &err);
  if (U_FAILURE(err)) { *status = err; return -1; }
  int32_t n = 0;
  for (int32_t b = ubrk_first(bi); b != UBRK_DONE && n < cap; b = ubrk_next(bi)) {
    boundaries[n] = b;
    if (statuses) statuses[n] = ubrk_getRuleStatus(bi);
    n++;
  }
  ubrk_setText(bi, NULL, 0, &err);  // drop the reference to the caller's buffer
  *status = U_ZERO_ERROR;
  return n;
}

int32_t pf_nfkc(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
  if (U_FAILURE(err)) { *status = err; return -1; }
  int32_t n = unorm2_normalize(nfkc, (const UChar *)src, len, (UChar *)dst, cap, &err);
  *status = err;
  return n;
}

int32_t pf_transliterate(const char *id, uint16_t *buf, int32_t len, int32_t cap, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UChar uid[64];
  int32_t idLen = (int32_t)strlen(id);
  if (idLen > 63) idLen = 63;
  for (int32_t i = 0; i < idLen; i++) uid[i] = (UChar)id[i];
  UTransliterator *t = utrans_openU(uid, idLen, UTRANS_FORWARD, NULL, 0, NULL, &err);
  if (U_FAILURE(err)) { *status = err; return -1; }
  int32_t textLen = len, limit = len;
  utrans_transUChars(t, (UChar *)buf, &textLen, cap, 0, &limit, &err);
  utrans_close(t);
  *status = err;
  return textLen;
}

int32_t pf_detect_charset(const char *bytes, int32_t len, char *name, int32_t nameCap,
                          int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector *d = ucsdet_open(&err);
  ucsdet_setText(d, bytes, len, &err);
  const UCharsetMatch *m = ucsdet_detect(d, &err);
  int32_t confidence = -1;
  if (m && U_SUCCESS(err)) {
    const char *found = ucsdet_getName(m, &err);
    confidence = ucsdet_getConfidence(m, &err);
    if (found) { strncpy(name, found, nameCap - 1); name[nameCap - 1] = 0; }
  }
  ucsdet_close(d);
  *status = err;
  return U_SUCCESS(err) ? confidence : -1;
}

int32_t pf_convert(const char *charset, const char *bytes, int32_t len, uint16_t *dst,
                   int32_t cap, int32_t *errorOffset, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  *errorOffset = -1;
  UConverter *c = ucnv_open(charset, &err);
  if (U_FAILURE(err)) { *status = err; return -1; }
  ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
  const char *source = bytes;
  UChar *target = (UChar *)dst;
  ucnv_toUnicode(c, &target, (UChar *)dst + cap, &source, bytes + len, NULL, 1, &err);
  if (U_FAILURE(err)) {
    // The converter stops after consuming the bad sequence; back up over it.
    char invalid[32];
    int8_t invalidLen = sizeof invalid;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(c, invalid, &invalidLen, &e2);
    *errorOffset = (int32_t)(source - bytes) - (U_SUCCESS(e2) ? invalidLen : 0);
  }
  ucnv_close(c);
  *status = err;
  return (int32_t)(target - (UChar *)dst);
}
