/* printf-float.c: %e %f %g (and %a) for doubles, exact like glibc. A double is
 * m * 2^e with m < 2^53, so its decimal expansion is finite (at most ~309
 * integer and 1074 fraction digits). We generate every digit with small
 * bignum arithmetic, then round that exact string half-to-even at the
 * requested position, which is what glibc does in round-to-nearest mode. */
#include "mldc.h"

#define WORDS 36 /* 32-bit words: enough for 2^1024 and for 1074 fraction bits */

/* Digits of the value at buf[1..len); buf[0] is a '0' guard that absorbs
   a carry out of the top digit. `point` is the index where the fraction
   starts. */
typedef struct {
  char buf[1700]; /* 1 guard + <= 338 integer + <= 1161 fraction digits */
  int len;
  int point;
} Decimal;

static void appendChunk(Decimal *d, uint32_t chunk, int width) {
  for (int i = width - 1; i >= 0; --i) {
    d->buf[d->len + i] = (char)('0' + chunk % 10);
    chunk /= 10;
  }
  d->len += width;
}

/* Integer part: repeated division of a little-endian bignum by 1e9 gives
   9-digit chunks from the lowest up. */
static void appendInteger(Decimal *d, uint32_t *w, int n) {
  uint32_t chunks[40];
  int count = 0;
  while (n > 0 && w[n - 1] == 0) --n;
  while (n > 0) {
    uint64_t rem = 0;
    for (int i = n - 1; i >= 0; --i) {
      uint64_t cur = (rem << 32) | w[i];
      w[i] = (uint32_t)(cur / 1000000000u);
      rem = cur % 1000000000u;
    }
    chunks[count++] = (uint32_t)rem;
    while (n > 0 && w[n - 1] == 0) --n;
  }
  if (count == 0) {
    appendChunk(d, 0, 1);
    return;
  }
  uint32_t top = chunks[count - 1];
  int width = 1;
  for (uint32_t t = top; t >= 10; t /= 10) ++width;
  appendChunk(d, top, width);
  for (int i = count - 2; i >= 0; --i) appendChunk(d, chunks[i], 9);
}

/* Fraction f / 2^(32n), stored as n words: multiplying by 1e9 pushes the
   next nine digits out of the top word. Stops when the rest is zero. */
static void appendFraction(Decimal *d, uint32_t *w, int n) {
  for (;;) {
    int nonzero = 0;
    for (int i = 0; i < n; ++i) nonzero |= w[i] != 0;
    if (!nonzero) break;
    uint64_t carry = 0;
    for (int i = 0; i < n; ++i) {
      uint64_t cur = (uint64_t)w[i] * 1000000000u + carry;
      w[i] = (uint32_t)cur;
      carry = cur >> 32;
    }
    appendChunk(d, (uint32_t)carry, 9);
  }
}

/* w = m << shift, spread over WORDS little-endian words. */
static void shiftInto(uint32_t *w, uint64_t m, int shift) {
  for (int i = 0; i < WORDS; ++i) w[i] = 0;
  unsigned __int128 v = (unsigned __int128)m << (shift % 32);
  w[shift / 32] = (uint32_t)v;
  w[shift / 32 + 1] = (uint32_t)(v >> 32);
  w[shift / 32 + 2] = (uint32_t)(v >> 64);
}

/* value = m * 2^exp, with exp in [MIN_EXP2, MAX_EXP2] so that every
   shifted mantissa fits in WORDS words. */
#define MIN_EXP2 (-1152)
#define MAX_EXP2 1056

static void toDecimal(Decimal *d, uint64_t m, int exp) {
  d->buf[0] = '0';
  d->len = 1;
  uint32_t w[WORDS];
  if (exp >= 0) {
    shiftInto(w, m, exp);
    appendInteger(d, w, WORDS);
    d->point = d->len;
    return;
  }
  int fracBits = -exp;
  uint64_t intPart = fracBits >= 64 ? 0 : m >> fracBits;
  uint64_t frac = fracBits >= 64 ? m : m & ((1ULL << fracBits) - 1);
  uint32_t iw[2] = {(uint32_t)intPart, (uint32_t)(intPart >> 32)};
  appendInteger(d, iw, 2);
  d->point = d->len;
  /* Left-align the fracBits-bit fraction in n whole words. */
  int n = (fracBits + 31) / 32;
  shiftInto(w, frac, n * 32 - fracBits);
  appendFraction(d, w, n);
}

static char digitAt(const Decimal *d, int i) { return i < d->len ? d->buf[i] : '0'; }

/* Keep digits [0, keep): round half to even on the exact tail, and drop
   the tail. */
static void roundAt(Decimal *d, int keep) {
  if (keep >= d->len) return;
  char next = d->buf[keep];
  int up = next > '5';
  if (next == '5') {
    int rest = 0;
    for (int i = keep + 1; i < d->len; ++i) rest |= d->buf[i] != '0';
    up = rest || ((d->buf[keep - 1] - '0') & 1);
  }
  d->len = keep;
  for (int i = keep - 1; up && i >= 0; --i) {
    if (d->buf[i] == '9') {
      d->buf[i] = '0';
    } else {
      ++d->buf[i];
      up = 0;
    }
  }
}

static int firstNonZero(const Decimal *d) {
  for (int i = 0; i < d->len; ++i)
    if (d->buf[i] != '0') return i;
  return -1;
}

static size_t putFixed(char *out, const Decimal *d, int precision, int alt) {
  size_t n = 0;
  int i = 0;
  while (i < d->point - 1 && d->buf[i] == '0') ++i;
  for (; i < d->point; ++i) out[n++] = d->buf[i];
  if (precision > 0 || alt) out[n++] = '.';
  for (int k = 0; k < precision; ++k) out[n++] = digitAt(d, d->point + k);
  return n;
}

static size_t putExponent(char *out, const Decimal *d, int z, int exp10,
                          int precision, int alt, char e) {
  size_t n = 0;
  out[n++] = z < 0 ? '0' : d->buf[z];
  if (precision > 0 || alt) out[n++] = '.';
  for (int k = 1; k <= precision; ++k) out[n++] = z < 0 ? '0' : digitAt(d, z + k);
  out[n++] = e;
  out[n++] = exp10 < 0 ? '-' : '+';
  unsigned v = exp10 < 0 ? (unsigned)-exp10 : (unsigned)exp10;
  char tmp[8];
  int t = 0;
  do tmp[t++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  if (t < 2) tmp[t++] = '0';
  while (t) out[n++] = tmp[--t];
  return n;
}

/* %e rounding: to precision+1 significant digits; returns the exponent
   and leaves *z at the leading digit (-1 for zero). */
static int roundScientific(Decimal *d, int significant, int *z) {
  *z = firstNonZero(d);
  if (*z < 0) return 0;
  roundAt(d, *z + significant);
  *z = firstNonZero(d);
  if (*z < 0) return 0;
  return d->point - 1 - *z;
}

/* %a without its "0x": the leading digit is 1 (0 for zero and
   subnormals, whose exponent is then -1022, as glibc prints them); the
   52-bit fraction is 13 hex digits, trimmed or rounded half-to-even to the
   precision. A carry out of the fraction raises the leading digit (glibc
   prints "0x2p+0" for %.0a of 1.5, and so do we). */
static size_t formatHex(char *out, double value, int precision, int alt,
                        int upper) {
  const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  uint64_t bits;
  memcpy(&bits, &value, sizeof bits);
  int exp = (int)((bits >> 52) & 0x7ff);
  uint64_t frac = bits & ((1ULL << 52) - 1);
  unsigned lead = exp != 0;
  exp = value == 0 ? 0 : (exp == 0 ? -1022 : exp - 1023);
  int digits = 13;
  if (precision < 0) {
    while (digits > 0 && ((frac >> (4 * (13 - digits))) & 0xf) == 0) --digits;
  } else if (precision < 13) {
    int drop = 4 * (13 - precision);
    uint64_t rest = frac & ((1ULL << drop) - 1), half = 1ULL << (drop - 1);
    frac >>= drop;
    uint64_t lastDigit = precision == 0 ? lead : frac;
    if (rest > half || (rest == half && (lastDigit & 1))) ++frac;
    if (frac >> (4 * precision)) { /* carry into the leading digit */
      ++lead;
      frac &= (1ULL << (4 * precision)) - 1;
    }
    frac <<= drop;
    digits = precision;
  }
  size_t n = 0;
  out[n++] = hex[lead];
  if (digits > 0 || alt || precision > 13) out[n++] = '.';
  for (int i = 0; i < digits; ++i) out[n++] = hex[(frac >> (48 - 4 * i)) & 0xf];
  for (int i = 13; i < precision; ++i) out[n++] = '0';
  out[n++] = upper ? 'P' : 'p';
  out[n++] = exp < 0 ? '-' : '+';
  unsigned v = exp < 0 ? (unsigned)-exp : (unsigned)exp;
  char tmp[8];
  int t = 0;
  do tmp[t++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  while (t) out[n++] = tmp[--t];
  return n;
}

static size_t formatDecimal(char *out, uint64_t m, int exp2, char conv,
                            int precision, int alt);

size_t mldcFormatFloat(char *out, double value, char conv, int precision,
                       int alt) {
  int upper = conv == 'E' || conv == 'F' || conv == 'G' || conv == 'A';
  if (value != value) {
    memcpy(out, upper ? "NAN" : "nan", 3);
    return 3;
  }
  if (value > 1.7976931348623157e308) {
    memcpy(out, upper ? "INF" : "inf", 3);
    return 3;
  }
  if (precision > MLDC_MAX_PREC) precision = MLDC_MAX_PREC;
  if ((conv | 32) == 'a') return formatHex(out, value, precision, alt, upper);
  uint64_t bits;
  memcpy(&bits, &value, sizeof bits);
  int exp = (int)((bits >> 52) & 0x7ff);
  uint64_t m = bits & ((1ULL << 52) - 1);
  if (exp == 0) exp = 1; else m |= 1ULL << 52;
  return formatDecimal(out, m, exp - 1075, conv, precision, alt);
}

/* x87 80-bit long double: 64-bit mantissa with an explicit integer bit,
   15-bit exponent biased by 16383. Exact within [MIN_EXP2, MAX_EXP2]
   (about 1e-330..1e337); outside that, and for %La, the value is
   formatted as a double. */
size_t mldcFormatLongDouble(char *out, long double value, char conv,
                            int precision, int alt) {
  unsigned char raw[16];
  memcpy(raw, &value, 10);
  uint64_t m;
  memcpy(&m, raw, sizeof m);
  int exp = (raw[8] | raw[9] << 8) & 0x7fff;
  int exp2 = (exp == 0 ? 1 : exp) - 16383 - 63;
  if ((conv | 32) == 'a' || exp == 0x7fff || (m != 0 && (exp2 < MIN_EXP2 || exp2 > MAX_EXP2)))
    return mldcFormatFloat(out, (double)value, conv, precision, alt);
  if (precision > MLDC_MAX_PREC) precision = MLDC_MAX_PREC;
  return formatDecimal(out, m, m == 0 ? 0 : exp2, conv, precision, alt);
}

static size_t formatDecimal(char *out, uint64_t m, int exp2, char conv,
                            int precision, int alt) {
  int upper = conv == 'E' || conv == 'F' || conv == 'G';
  if (precision < 0) precision = 6;
  static Decimal d; /* 1.7 KiB: kept off the stack; single-threaded */
  toDecimal(&d, m, exp2);
  int z;
  switch (conv | 32) {
    case 'f':
      roundAt(&d, d.point + precision);
      return putFixed(out, &d, precision, alt);
    case 'e': {
      int exp10 = roundScientific(&d, precision + 1, &z);
      return putExponent(out, &d, z, exp10, precision, alt, upper ? 'E' : 'e');
    }
    default: { /* 'g': C11 7.21.6.1p8 */
      int p = precision == 0 ? 1 : precision;
      int x = roundScientific(&d, p, &z);
      size_t n;
      if (x < p && x >= -4)
        n = putFixed(out, &d, p - 1 - x, alt);
      else
        n = putExponent(out, &d, z, x, p - 1, alt, upper ? 'E' : 'e');
      if (alt) return n;
      /* Strip trailing fraction zeros (and a bare point) from the mantissa,
         keeping any exponent suffix. */
      size_t mantEnd = n;
      for (size_t i = 0; i < n; ++i)
        if (out[i] == 'e' || out[i] == 'E') mantEnd = i;
      if (memchr(out, '.', mantEnd) == NULL) return n;
      size_t cut = mantEnd;
      while (out[cut - 1] == '0') --cut;
      if (out[cut - 1] == '.') --cut;
      memmove(out + cut, out + mantEnd, n - mantEnd);
      return cut + (n - mantEnd);
    }
  }
}
