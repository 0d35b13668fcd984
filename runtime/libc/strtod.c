/* strtod.c: strtod/strtof/atof, correctly rounded (round-half-even) like
 * glibc. The decimal input D * 10^E is turned into an exact big integer
 * quotient q * 2^e2 plus a "remainder was non-zero" bit, then rounded once
 * to 53 bits (or fewer for subnormals). Hex floats, inf and nan too. */
#include "mldc.h"

#define MAX_DIGITS 800  /* > 767: enough to decide every halfway case */
#define BIG_WORDS 200   /* 6400 bits: 10^(800+330) fits */

typedef struct {
  uint32_t w[BIG_WORDS];
  int n; /* words in use; w[n-1] != 0 unless n == 0 */
} Big;

static void bigTrim(Big *b) {
  while (b->n > 0 && b->w[b->n - 1] == 0) --b->n;
}

static void bigMulAdd(Big *b, uint32_t mul, uint32_t add) {
  uint64_t carry = add;
  for (int i = 0; i < b->n; ++i) {
    uint64_t v = (uint64_t)b->w[i] * mul + carry;
    b->w[i] = (uint32_t)v;
    carry = v >> 32;
  }
  if (carry && b->n < BIG_WORDS) b->w[b->n++] = (uint32_t)carry;
}

static int bigBits(const Big *b) {
  return b->n == 0 ? 0 : 32 * (b->n - 1) + (32 - __builtin_clz(b->w[b->n - 1]));
}

static int bigBit(const Big *b, int i) {
  return i / 32 < b->n ? (b->w[i / 32] >> (i % 32)) & 1 : 0;
}

static void bigShiftLeft(Big *dst, const Big *src, int bits) {
  int words = bits / 32, r = bits % 32;
  memset(dst->w, 0, sizeof dst->w);
  for (int i = src->n - 1; i >= 0; --i) {
    uint64_t v = (uint64_t)src->w[i] << r;
    if (i + words + 1 < BIG_WORDS) dst->w[i + words + 1] |= (uint32_t)(v >> 32);
    dst->w[i + words] |= (uint32_t)v;
  }
  dst->n = src->n + words + 1 < BIG_WORDS ? src->n + words + 1 : BIG_WORDS;
  bigTrim(dst);
}

static int bigCompare(const Big *a, const Big *b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (int i = a->n - 1; i >= 0; --i)
    if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
  return 0;
}

static void bigSubtract(Big *a, const Big *b) { /* a -= b, a >= b */
  int64_t borrow = 0;
  for (int i = 0; i < a->n; ++i) {
    int64_t v = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
    borrow = v < 0;
    a->w[i] = (uint32_t)(v + (borrow << 32));
  }
  bigTrim(a);
}

/* q * 2^e2, plus `sticky` when something non-zero lies below q, to the
   nearest double (ties to even). ERANGE, as glibc: overflow, or a tiny
   (subnormal or zero) result that is inexact. */
static double roundToDouble(const Big *q, int e2, int sticky, int *range) {
  int len = bigBits(q);
  if (len == 0) {
    *range = sticky;
    return 0.0;
  }
  /* Bits to drop: keep 53, or fewer where the result is subnormal (its
     lowest bit weighs 2^-1074). */
  int shift = len - 1 + e2 >= -1022 ? len - 53 : -1074 - e2;
  uint64_t m = 0;
  for (int i = len - 1; i >= (shift > 0 ? shift : 0); --i) m = m << 1 | (uint64_t)bigBit(q, i);
  int inexact = 0;
  if (shift < 0) {
    m <<= -shift;
  } else if (shift > 0) {
    int guard = bigBit(q, shift - 1);
    for (int i = 0; i < shift - 1 && !sticky; ++i) sticky = bigBit(q, i);
    if (guard && (sticky || (m & 1))) ++m;
    inexact = guard || sticky;
  }
  int exp = e2 + shift; /* weight of m's lowest bit */
  if (m >> 53) {        /* rounding carried into a new bit */
    m >>= 1;
    ++exp;
  }
  uint64_t bits;
  if (m >> 52) {
    int biased = exp + 52 + 1023;
    if (biased >= 2047) {
      *range = 1;
      bits = 0x7ffULL << 52;
    } else {
      bits = (uint64_t)biased << 52 | (m & ((1ULL << 52) - 1));
    }
  } else {
    bits = m; /* subnormal or zero: exp is -1074 */
    *range = inexact;
  }
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

static void bigFromU64(Big *b, uint64_t v) {
  b->w[0] = (uint32_t)v;
  b->w[1] = (uint32_t)(v >> 32);
  b->n = 2;
  bigTrim(b);
}

static int lowerEq(const char *s, const char *word) {
  for (; *word; ++s, ++word)
    if ((*s | 32) != *word) return 0;
  return 1;
}

/* An exponent after the mantissa: `letter` ('e' or 'p'), an optional sign
   and digits (capped: anything past 100000 over/underflows anyway). Returns
   where parsing stops; without digits the letter is not part of the number. */
static const char *parseExponent(const char *p, char letter, long *exp) {
  if ((*p | 32) != letter) return p;
  const char *q = p + 1;
  int neg = *q == '-';
  if (*q == '+' || *q == '-') ++q;
  if (*q < '0' || *q > '9') return p;
  long v = 0;
  for (; *q >= '0' && *q <= '9'; ++q)
    if (v < 100000) v = v * 10 + (*q - '0');
  *exp = neg ? -v : v;
  return q;
}

static double parseHex(const char *p, const char **end, int *range) {
  uint64_t m = 0;
  int e2 = 0, digits = 0, sticky = 0, point = 0;
  for (;; ++p) {
    int d;
    if (*p == '.' && !point) {
      point = 1;
      continue;
    }
    if (*p >= '0' && *p <= '9') d = *p - '0';
    else if ((*p | 32) >= 'a' && (*p | 32) <= 'f') d = (*p | 32) - 'a' + 10;
    else break;
    ++digits;
    if (m >> 60) {
      sticky |= d != 0;
      if (!point) e2 += 4;
    } else {
      m = m << 4 | (uint64_t)d;
      if (point) e2 -= 4;
    }
  }
  if (digits == 0) return -1.0; /* caller treats as "0" followed by 'x' */
  long e = 0;
  p = parseExponent(p, 'p', &e);
  e2 += (int)e;
  *end = p;
  Big big;
  bigFromU64(&big, m);
  return roundToDouble(&big, e2, sticky, range);
}

static double parseDecimal(const char *p, const char **end, int *range) {
  static Big num, den, tmp; /* static: too big for comfort on the stack */
  char digits[MAX_DIGITS + 1];
  int count = 0, anyDigit = 0, point = 0, truncated = 0;
  long exp10 = 0;
  for (;; ++p) {
    if (*p == '.' && !point) {
      point = 1;
      continue;
    }
    if (*p < '0' || *p > '9') break;
    anyDigit = 1;
    if (count == 0 && *p == '0') {
      if (point) --exp10;
      continue;
    }
    if (count < MAX_DIGITS) {
      digits[count++] = *p;
      if (point) --exp10;
    } else {
      truncated |= *p != '0';
      if (!point) ++exp10;
    }
  }
  if (!anyDigit) return -1.0;
  long e = 0;
  p = parseExponent(p, 'e', &e);
  exp10 += e;
  *end = p;
  if (count == 0) return 0.0;
  /* A dropped non-zero tail becomes one more digit '1': it moves the value
     off any halfway point in the right direction without changing it
     otherwise (the kept digits already exceed 767). */
  if (truncated) {
    digits[count++] = '1';
    --exp10;
  }
  if (exp10 + count > 311) {
    *range = 1;
    return __builtin_inf();
  }
  if (exp10 + count < -326) {
    *range = 1;
    return 0.0;
  }
  num.n = 0;
  for (int i = 0; i < count; ++i) {
    if (num.n == 0) {
      num.w[0] = (uint32_t)(digits[i] - '0');
      num.n = num.w[0] != 0;
    } else {
      bigMulAdd(&num, 10, (uint32_t)(digits[i] - '0'));
    }
  }
  if (exp10 >= 0) {
    for (long i = 0; i < exp10; ++i) bigMulAdd(&num, 10, 0);
    return roundToDouble(&num, 0, 0, range);
  }
  /* value = num / 10^-exp10: shift num so the quotient has >= 56 bits,
     then divide by binary long division (the quotient is small). */
  den.n = 1;
  den.w[0] = 1;
  for (long i = 0; i < -exp10; ++i) bigMulAdd(&den, 10, 0);
  int k = bigBits(&den) + 56 - bigBits(&num);
  if (k < 0) k = 0;
  bigShiftLeft(&tmp, &num, k);
  num = tmp;
  static Big q;
  memset(&q, 0, sizeof q);
  for (int b = bigBits(&num) - bigBits(&den); b >= 0; --b) {
    bigShiftLeft(&tmp, &den, b);
    if (bigCompare(&num, &tmp) >= 0) {
      bigSubtract(&num, &tmp);
      q.w[b / 32] |= 1u << (b % 32);
      if (q.n < b / 32 + 1) q.n = b / 32 + 1;
    }
  }
  return roundToDouble(&q, -k, num.n != 0, range);
}

double strtod(const char *s, char **endOut) {
  const char *p = s, *end = s;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  int neg = *p == '-';
  if (*p == '+' || *p == '-') ++p;
  int range = 0;
  double v = 0.0;
  if (lowerEq(p, "inf")) {
    end = p + (lowerEq(p, "infinity") ? 8 : 3);
    v = __builtin_inf();
  } else if (lowerEq(p, "nan")) {
    end = p + 3;
    if (*end == '(') {
      const char *q = end + 1;
      while ((*q | 32) >= 'a' && (*q | 32) <= 'z') ++q;
      while ((*q >= '0' && *q <= '9') || *q == '_' || ((*q | 32) >= 'a' && (*q | 32) <= 'z')) ++q;
      if (*q == ')') end = q + 1;
    }
    v = __builtin_nan("");
  } else if (p[0] == '0' && (p[1] | 32) == 'x') {
    v = parseHex(p + 2, &end, &range);
    if (v < 0) { /* "0x" without hex digits: just the "0" */
      v = 0.0;
      end = p + 1;
    }
  } else {
    v = parseDecimal(p, &end, &range);
    if (v < 0) { /* no digits at all: no conversion */
      v = 0.0;
      end = s;
      neg = 0;
    }
  }
  if (range) errno = ERANGE;
  if (endOut) *endOut = (char *)end;
  return neg ? -v : v;
}

float strtof(const char *s, char **end) { return (float)strtod(s, end); }
double atof(const char *s) { return strtod(s, NULL); }
