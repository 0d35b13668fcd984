/* printf.c: the printf family. mldcFormat() parses each conversion
 * (flags -+ #0, width and precision with *, length hh h l ll j z t L) and
 * renders it into a sink; the public functions only choose the sink
 * (a FILE, a bounded buffer, a file descriptor). Floating conversions are
 * rendered by printf-float.c. Output matches glibc's for the same format,
 * including "(nil)" for a null %p and "(null)" for a null %s. */
#include "mldc.h"

typedef struct {
  void (*sink)(void *, const char *, size_t);
  void *cookie;
  size_t count;
} Out;

typedef struct {
  int left, plus, space, alt, zero;
  int width;
  int precision;           /* -1 when absent */
  int longs, shorts;       /* count of 'l' (j z t count as one) and 'h' */
  int longDouble;          /* 'L' */
} Spec;

static void emit(Out *o, const char *p, size_t n) {
  if (n == 0) return;
  o->sink(o->cookie, p, n);
  o->count += n;
}

static void repeat(Out *o, char c, int n) {
  char block[32];
  memset(block, c, sizeof block);
  while (n > 0) {
    int k = n < 32 ? n : 32;
    emit(o, block, (size_t)k);
    n -= k;
  }
}

/* Lay out prefix (sign or 0x), zeros and body within the field width. */
static void emitField(Out *o, const Spec *s, const char *prefix, int zeros,
                      const char *body, int bodyLen, int zeroPadAllowed) {
  int prefixLen = (int)strlen(prefix);
  int total = prefixLen + zeros + bodyLen;
  int padding = s->width > total ? s->width - total : 0;
  if (!s->left && s->zero && zeroPadAllowed) {
    zeros += padding;
    padding = 0;
  }
  if (!s->left) repeat(o, ' ', padding);
  emit(o, prefix, (size_t)prefixLen);
  repeat(o, '0', zeros);
  emit(o, body, (size_t)bodyLen);
  if (s->left) repeat(o, ' ', padding);
}

static void formatInteger(Out *o, const Spec *s, unsigned long long v,
                          int negative, int isSigned, char conv) {
  static const char lowerDigits[] = "0123456789abcdef";
  static const char upperDigits[] = "0123456789ABCDEF";
  const char *digitSet = conv == 'X' ? upperDigits : lowerDigits;
  unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
  char buf[24];
  int n = 0;
  for (unsigned long long t = v; t != 0; t /= base) buf[sizeof buf - 1 - n++] = digitSet[t % base];
  /* An explicit precision of 0 prints nothing for 0 (C11 7.21.6.1p8). */
  if (v == 0 && s->precision != 0) buf[sizeof buf - 1 - n++] = '0';
  int zeros = s->precision > n ? s->precision - n : 0;
  if (conv == 'o' && s->alt && zeros == 0 && (n == 0 || buf[sizeof buf - n] != '0')) zeros = 1;
  const char *prefix = "";
  if (isSigned) prefix = negative ? "-" : s->plus ? "+" : s->space ? " " : "";
  if ((conv == 'x' || conv == 'X') && s->alt && v != 0) prefix = conv == 'x' ? "0x" : "0X";
  if (conv == 'p') prefix = s->plus ? "+0x" : s->space ? " 0x" : "0x";
  emitField(o, s, prefix, zeros, buf + sizeof buf - n, n, s->precision < 0);
}

static void formatString(Out *o, const Spec *s, const char *str) {
  if (str == NULL) str = (s->precision < 0 || s->precision >= 6) ? "(null)" : "";
  int len = (int)(s->precision < 0 ? strlen(str) : strnlen(str, (size_t)s->precision));
  emitField(o, s, "", 0, str, len, 0);
}

/* Long doubles keep their own precision; `isLong` picks the formatter. */
static void formatFloating(Out *o, const Spec *s, long double v, int isLong,
                           char conv) {
  static char body[MLDC_FLOAT_BUF];
  int negative = __builtin_signbit(v) != 0;
  int finite = v == v && v - v == 0;
  long double mag = negative ? -v : v;
  size_t n = isLong ? mldcFormatLongDouble(body, mag, conv, s->precision, s->alt)
                    : mldcFormatFloat(body, (double)mag, conv, s->precision, s->alt);
  const char *sign = negative ? "-" : s->plus ? "+" : s->space ? " " : "";
  char prefix[4] = {0};
  memcpy(prefix, sign, strlen(sign));
  if ((conv | 32) == 'a' && finite) /* zero padding goes after the 0x */
    memcpy(prefix + strlen(sign), conv == 'a' ? "0x" : "0X", 2);
  emitField(o, s, prefix, 0, body, (int)n, finite);
}

/* Parses "[flags][width][.precision][length]" after a '%'; returns the
   conversion character's position. '*' values come from the arguments. */
static const char *parseSpec(const char *fmt, Spec *s, va_list *ap) {
  for (;; ++fmt) {
    if (*fmt == '-') s->left = 1;
    else if (*fmt == '+') s->plus = 1;
    else if (*fmt == ' ') s->space = 1;
    else if (*fmt == '#') s->alt = 1;
    else if (*fmt == '0') s->zero = 1;
    else if (*fmt != '\'') break;
  }
  if (*fmt == '*') {
    s->width = va_arg(*ap, int);
    if (s->width < 0) { /* a negative '*' width means '-' */
      s->left = 1;
      s->width = -s->width;
    }
    ++fmt;
  } else {
    while (*fmt >= '0' && *fmt <= '9') s->width = s->width * 10 + (*fmt++ - '0');
  }
  if (*fmt == '.') {
    ++fmt;
    s->precision = 0;
    if (*fmt == '*') {
      s->precision = va_arg(*ap, int);
      if (s->precision < 0) s->precision = -1; /* as if omitted */
      ++fmt;
    } else {
      while (*fmt >= '0' && *fmt <= '9') s->precision = s->precision * 10 + (*fmt++ - '0');
    }
  }
  for (;; ++fmt) {
    if (*fmt == 'l') ++s->longs;
    else if (*fmt == 'h') ++s->shorts;
    else if (*fmt == 'L' || *fmt == 'q') s->longDouble = 1, s->longs = 2;
    else if (*fmt == 'j' || *fmt == 'z' || *fmt == 't') s->longs = 1;
    else break;
  }
  return fmt;
}

int mldcFormat(void (*sink)(void *, const char *, size_t), void *cookie,
               const char *fmt, va_list apIn) {
  Out o = {sink, cookie, 0};
  va_list ap;
  va_copy(ap, apIn);
  while (*fmt) {
    const char *pct = strchr(fmt, '%');
    if (pct == NULL) pct = fmt + strlen(fmt);
    emit(&o, fmt, (size_t)(pct - fmt));
    if (*pct == '\0') break;

    Spec s = {0, 0, 0, 0, 0, 0, -1, 0, 0, 0};
    fmt = parseSpec(pct + 1, &s, &ap);
    char conv = *fmt;
    if (conv == '\0') break;
    ++fmt;
    int longs = s.longs, shorts = s.shorts;
    switch (conv) {
      case 'd':
      case 'i': {
        long long v = longs ? va_arg(ap, long long) : va_arg(ap, int);
        if (!longs && shorts == 1) v = (short)v;
        if (!longs && shorts >= 2) v = (signed char)v;
        unsigned long long mag = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
        formatInteger(&o, &s, mag, v < 0, 1, 'd');
        break;
      }
      case 'u': case 'o': case 'x': case 'X': {
        unsigned long long v = longs ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
        if (!longs && shorts == 1) v = (unsigned short)v;
        if (!longs && shorts >= 2) v = (unsigned char)v;
        formatInteger(&o, &s, v, 0, 0, conv);
        break;
      }
      case 'p': {
        void *p = va_arg(ap, void *);
        if (p == NULL) {
          s.precision = -1;
          formatString(&o, &s, "(nil)");
        } else {
          s.precision = -1;
          formatInteger(&o, &s, (uintptr_t)p, 0, 0, 'p');
        }
        break;
      }
      case 'c': {
        char c = (char)va_arg(ap, int);
        emitField(&o, &s, "", 0, &c, 1, 0);
        break;
      }
      case 's':
        formatString(&o, &s, va_arg(ap, const char *));
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
      case 'a': case 'A': {
        long double v = s.longDouble ? va_arg(ap, long double) : va_arg(ap, double);
        formatFloating(&o, &s, v, s.longDouble, conv);
        break;
      }
      case 'n': {
        void *p = va_arg(ap, void *);
        if (longs) *(long *)p = (long)o.count;
        else if (shorts == 1) *(short *)p = (short)o.count;
        else if (shorts >= 2) *(signed char *)p = (signed char)o.count;
        else *(int *)p = (int)o.count;
        break;
      }
      case '%':
        emit(&o, "%", 1);
        break;
      default: /* unknown conversion: print it verbatim, as glibc does */
        emit(&o, pct, (size_t)(fmt - pct));
        break;
    }
  }
  va_end(ap);
  return (int)o.count;
}

/* Bounded buffer sink for the sprintf family: keeps room for the NUL. */
typedef struct {
  char *p;
  size_t room;
} BufferSink;

static void bufferSink(void *cookie, const char *p, size_t n) {
  BufferSink *b = cookie;
  size_t k = n < b->room ? n : b->room;
  memcpy(b->p, p, k);
  b->p += k;
  b->room -= k;
}

static void fdSink(void *cookie, const char *p, size_t n) {
  int fd = *(int *)cookie;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return;
    p += w;
    n -= (size_t)w;
  }
}

int vfprintf(FILE *f, const char *fmt, va_list ap) {
  return mldcFormat(mldcFileSink, f, fmt, ap);
}

int vprintf(const char *fmt, va_list ap) {
  extern FILE *stdout;
  return vfprintf(stdout, fmt, ap);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) {
  BufferSink b = {buf, size ? size - 1 : 0};
  int n = mldcFormat(bufferSink, &b, fmt, ap);
  if (size) *b.p = '\0';
  return n;
}

int vsprintf(char *buf, const char *fmt, va_list ap) {
  return vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap) {
  return mldcFormat(fdSink, &fd, fmt, ap);
}

#define VARIADIC(call)      \
  va_list ap;               \
  va_start(ap, fmt);        \
  int n = call;             \
  va_end(ap);               \
  return n

int printf(const char *fmt, ...) { VARIADIC(vprintf(fmt, ap)); }
int fprintf(FILE *f, const char *fmt, ...) { VARIADIC(vfprintf(f, fmt, ap)); }
int sprintf(char *buf, const char *fmt, ...) { VARIADIC(vsprintf(buf, fmt, ap)); }
int snprintf(char *buf, size_t size, const char *fmt, ...) {
  VARIADIC(vsnprintf(buf, size, fmt, ap));
}
int dprintf(int fd, const char *fmt, ...) { VARIADIC(vdprintf(fd, fmt, ap)); }

/* _FORTIFY_SOURCE entry points (the flag argument only asks for extra
   checks, which we do not do). */
int __printf_chk(int flag, const char *fmt, ...) {
  (void)flag;
  VARIADIC(vprintf(fmt, ap));
}
int __fprintf_chk(FILE *f, int flag, const char *fmt, ...) {
  (void)flag;
  VARIADIC(vfprintf(f, fmt, ap));
}
int __sprintf_chk(char *buf, int flag, size_t len, const char *fmt, ...) {
  (void)flag;
  VARIADIC(vsnprintf(buf, len, fmt, ap));
}
int __snprintf_chk(char *buf, size_t size, int flag, size_t len, const char *fmt, ...) {
  (void)flag;
  (void)len;
  VARIADIC(vsnprintf(buf, size, fmt, ap));
}
int __vsnprintf_chk(char *buf, size_t size, int flag, size_t len, const char *fmt,
                    va_list ap) {
  (void)flag;
  (void)len;
  return vsnprintf(buf, size, fmt, ap);
}
int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap) {
  (void)flag;
  return vfprintf(f, fmt, ap);
}
int __vprintf_chk(int flag, const char *fmt, va_list ap) {
  (void)flag;
  return vprintf(fmt, ap);
}
