/* scanf.c: the scanf family (sscanf, fscanf, scanf and their v* forms,
 * also under the __isoc99_* names glibc's <stdio.h> redirects them to).
 * Conversions: d i u o x X p, f e g E G a, s c [set], n, %%, with '*',
 * widths and the hh h l ll j z t L length modifiers. Numbers are gathered
 * as text and handed to strtoull/strtoll/strtod, so they parse exactly as
 * those do. */
#include "mldc.h"

unsigned long long strtoull(const char *, char **, int);
long long strtoll(const char *, char **, int);
double strtod(const char *, char **);
int ungetc(int, FILE *);
int fgetc(FILE *);
extern FILE *stdin;

/* One character of lookahead over a string or a FILE. */
typedef struct {
  const char *str; /* string source, or NULL */
  FILE *file;
  int peeked;      /* -2: nothing peeked */
  long consumed;
} Input;

static int peek(Input *in) {
  if (in->peeked == -2) {
    if (in->str) in->peeked = *in->str ? (unsigned char)*in->str : EOF;
    else in->peeked = fgetc(in->file);
  }
  return in->peeked;
}

static void advance(Input *in) {
  if (in->str && *in->str) ++in->str;
  in->peeked = -2;
  ++in->consumed;
}

/* Leftover lookahead goes back to the stream for the next reader. */
static void finish(Input *in) {
  if (in->file && in->peeked >= 0) ungetc(in->peeked, in->file);
}

static int isSpace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static void skipSpace(Input *in) {
  while (peek(in) != EOF && isSpace(peek(in))) advance(in);
}

static int isDigitIn(int c, int base) {
  if (c >= '0' && c <= '9') return c - '0' < base;
  c |= 32;
  return base == 16 && c >= 'a' && c <= 'f';
}

/* Gathers an integer's text: sign, optional 0x prefix, digits. */
static int gatherInteger(Input *in, char *buf, int width, int base) {
  int n = 0;
  int c = peek(in);
  if (n < width && (c == '+' || c == '-')) {
    buf[n++] = (char)c;
    advance(in);
  }
  if (n < width && peek(in) == '0' && (base == 0 || base == 16)) {
    buf[n++] = '0';
    advance(in);
    if (n < width && (peek(in) | 32) == 'x') {
      buf[n++] = 'x';
      advance(in);
      base = 16;
    } else if (base == 0) {
      base = 8;
    }
  }
  if (base == 0) base = 10;
  while (n < width && n < 62 && isDigitIn(peek(in), base)) {
    buf[n++] = (char)peek(in);
    advance(in);
  }
  buf[n] = '\0';
  return n;
}

/* Gathers a floating number's text: what strtod accepts, greedily. */
static int gatherFloat(Input *in, char *buf, int width) {
  int n = 0, c;
  const int cap = 510;
  if (n < width && ((c = peek(in)) == '+' || c == '-')) {
    buf[n++] = (char)c;
    advance(in);
  }
  int hex = 0, digits = 0;
  if (n < width && peek(in) == '0') {
    buf[n++] = '0';
    advance(in);
    digits = 1;
    if (n < width && (peek(in) | 32) == 'x') {
      buf[n++] = 'x';
      advance(in);
      hex = 1;
    }
  }
  if (!digits && (((c = peek(in)) | 32) == 'i' || (c | 32) == 'n')) {
    /* inf, infinity, nan: take letters that continue the word */
    while (n < width && n < cap && (((c = peek(in)) | 32) >= 'a' && (c | 32) <= 'z')) {
      buf[n++] = (char)c;
      advance(in);
    }
    buf[n] = '\0';
    return n;
  }
  int point = 0, exp = 0;
  for (; n < width && n < cap; advance(in)) {
    c = peek(in);
    if (isDigitIn(c, hex ? 16 : 10) && !exp) digits = 1;
    else if (c == '.' && !point && !exp) point = 1;
    else if (!exp && digits && (c | 32) == (hex ? 'p' : 'e')) exp = 1;
    else if (exp == 1 && (c == '+' || c == '-')) exp = 2;
    else if (exp && c >= '0' && c <= '9') exp = 3;
    else break;
    buf[n++] = (char)c;
  }
  buf[n] = '\0';
  return n;
}

static void storeSigned(void *p, int longs, int shorts, long long v) {
  if (longs) *(long long *)p = v; /* long and long long are both 8 bytes */
  else if (shorts == 1) *(short *)p = (short)v;
  else if (shorts >= 2) *(signed char *)p = (signed char)v;
  else *(int *)p = (int)v;
}

static int scanCore(Input *in, const char *fmt, va_list apIn) {
  va_list ap;
  va_copy(ap, apIn);
  int assigned = 0, converted = 0;
  static char buf[512];
  for (; *fmt; ++fmt) {
    if (isSpace((unsigned char)*fmt)) {
      skipSpace(in);
      continue;
    }
    if (*fmt != '%' || fmt[1] == '%') {
      if (*fmt == '%') {
        ++fmt;
        skipSpace(in);
      }
      if (peek(in) != (unsigned char)*fmt) {
        if (peek(in) == EOF && converted == 0) assigned = EOF;
        break;
      }
      advance(in);
      continue;
    }
    ++fmt;
    int suppress = *fmt == '*';
    if (suppress) ++fmt;
    int width = 0;
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    int longs = 0, shorts = 0, longDouble = 0;
    for (;; ++fmt) {
      if (*fmt == 'l') ++longs;
      else if (*fmt == 'h') ++shorts;
      else if (*fmt == 'L' || *fmt == 'q') longDouble = 1, longs = 2;
      else if (*fmt == 'j' || *fmt == 'z' || *fmt == 't') longs = 1;
      else break;
    }
    char conv = *fmt;
    if (conv == '\0') break;
    if (conv != 'c' && conv != '[' && conv != 'n') skipSpace(in);
    if (conv != 'n' && peek(in) == EOF) {
      if (converted == 0) assigned = EOF;
      break;
    }
    int max = width > 0 ? width : 0x7fffffff;
    if (conv == 'n') {
      if (!suppress) storeSigned(va_arg(ap, void *), longs, shorts, in->consumed);
      continue;
    }
    if (conv == 'c' || conv == 's' || conv == '[') {
      char set[256];
      if (conv == '[') {
        int negate = *++fmt == '^';
        if (negate) ++fmt;
        memset(set, negate, sizeof set);
        if (*fmt == ']') set[(unsigned char)*fmt++] = !negate;
        for (; *fmt && *fmt != ']'; ++fmt) {
          if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
            for (int ch = (unsigned char)fmt[0]; ch <= (unsigned char)fmt[2]; ++ch) set[ch] = !negate;
            fmt += 2;
          } else {
            set[(unsigned char)*fmt] = !negate;
          }
        }
        if (*fmt == '\0') break;
      }
      if (conv == 'c' && width == 0) max = 1;
      char *out = suppress ? NULL : va_arg(ap, char *);
      int n = 0;
      for (int c; n < max && (c = peek(in)) != EOF; ++n, advance(in)) {
        if (conv == 's' && isSpace(c)) break;
        if (conv == '[' && !set[c]) break;
        if (out) out[n] = (char)c;
      }
      if (n == 0 || (conv == 'c' && n < max)) break;
      if (out && conv != 'c') out[n] = '\0';
      ++converted;
      if (out) ++assigned;
      continue;
    }
    int n;
    if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'a' ||
        conv == 'E' || conv == 'G' || conv == 'A' || conv == 'F') {
      n = gatherFloat(in, buf, max);
      char *end;
      double v = strtod(buf, &end);
      if (n == 0 || *end != '\0') break; /* matching failure */
      if (!suppress) {
        void *p = va_arg(ap, void *);
        if (longDouble) *(long double *)p = v;
        else if (longs) *(double *)p = v;
        else *(float *)p = (float)v;
      }
    } else {
      int base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 : conv == 'i' ? 0 : 16;
      if (conv != 'd' && conv != 'i' && conv != 'u' && conv != 'o' &&
          conv != 'x' && conv != 'X' && conv != 'p')
        break; /* unknown conversion */
      n = gatherInteger(in, buf, max, base);
      char *end;
      unsigned long long v = (conv == 'd' || conv == 'i')
                                 ? (unsigned long long)strtoll(buf, &end, base)
                                 : strtoull(buf, &end, base);
      if (n == 0 || end == buf || *end != '\0') break;
      if (!suppress) {
        void *p = va_arg(ap, void *);
        if (conv == 'p') *(void **)p = (void *)(uintptr_t)v;
        else storeSigned(p, longs, shorts, (long long)v);
      }
    }
    ++converted;
    if (!suppress) ++assigned;
  }
  va_end(ap);
  finish(in);
  return assigned;
}

int vsscanf(const char *s, const char *fmt, va_list ap) {
  Input in = {s, NULL, -2, 0};
  return scanCore(&in, fmt, ap);
}

int vfscanf(FILE *f, const char *fmt, va_list ap) {
  Input in = {NULL, f, -2, 0};
  return scanCore(&in, fmt, ap);
}

int vscanf(const char *fmt, va_list ap) { return vfscanf(stdin, fmt, ap); }

int sscanf(const char *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsscanf(s, fmt, ap);
  va_end(ap);
  return n;
}

int fscanf(FILE *f, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfscanf(f, fmt, ap);
  va_end(ap);
  return n;
}

int scanf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfscanf(stdin, fmt, ap);
  va_end(ap);
  return n;
}

/* glibc's <stdio.h> renames the C99 scanf family to these. */
#define ALIAS(name, target) __typeof__(target) name __attribute__((alias(#target)))
ALIAS(__isoc99_sscanf, sscanf);
ALIAS(__isoc99_fscanf, fscanf);
ALIAS(__isoc99_scanf, scanf);
ALIAS(__isoc99_vsscanf, vsscanf);
ALIAS(__isoc99_vfscanf, vfscanf);
ALIAS(__isoc99_vscanf, vscanf);
