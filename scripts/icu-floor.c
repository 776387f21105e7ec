// ICU's zh word break iterator alone, from C, over a UTF-8 file in chunks of
// about one press release (3,000 UTF-16 units), UTF-8 decoding included: the
// floor that `pressfacts bench` compares the pipeline with, without Swift.
// If the file holds NUL bytes, each NUL-separated text is one document and is
// segmented on its own, as the pipeline must (scripts/speed-ratio.sh makes both).
//   cc -O2 scripts/icu-floor.c -o /tmp/icu-floor $(pkg-config --cflags --libs icu-uc)
//   /tmp/icu-floor FILE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *bytes = malloc(n);
  if (fread(bytes, 1, n, f) != (size_t)n) { perror("read"); return 1; }
  fclose(f);

  UErrorCode err = U_ZERO_ERROR;
  UChar *text = malloc(sizeof(UChar) * (n + 1));
  int32_t length = 0;
  UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
  double start = now();
  u_strFromUTF8(text, n + 1, &length, bytes, n, &err);
  long breaks = 0, documents = 0;
  int split = memchr(bytes, 0, n) != NULL;
  for (int32_t at = 0, end; at < length && U_SUCCESS(err); at = end + split) {
    if (split) {
      for (end = at; end < length && text[end] != 0; end++) {}
    } else {
      end = length - at < 3000 ? length : at + 3000;
    }
    documents++;
    ubrk_setText(bi, text + at, end - at, &err);
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
      ubrk_getRuleStatus(bi);
      breaks++;
    }
  }
  double seconds = now() - start;
  if (U_FAILURE(err)) { fprintf(stderr, "ICU error %d\n", err); return 1; }
  printf("%.2f MB in %.3f s: %.2f MB/s, %ld boundaries, %ld %s\n", n / 1e6, seconds,
         n / 1e6 / seconds, breaks, documents, split ? "documents" : "chunks");
  return 0;
}
