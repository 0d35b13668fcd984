/* stdlib.c: number parsing (strtol family, atoi), abs, qsort, bsearch and
 * rand. rand reproduces glibc's TYPE_3 additive generator so that a
 * program prints the same sequence on both libcs. */
#include "mldc.h"

static int isSpaceChar(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digitValue(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/* Shared by all strto*: parses sign, prefix and digits; returns the
   magnitude saturated at `limit` and whether it overflowed. `*end` is left
   at the input start when no digits were found (C11 7.22.1.4p7). */
static unsigned long long parseMagnitude(const char *s, char **end, int base,
                                         unsigned long long limit, int *neg,
                                         int *overflow) {
  const char *p = s;
  *neg = 0;
  *overflow = 0;
  if (base < 0 || base == 1 || base > 36) {
    errno = EINVAL;
    if (end) *end = (char *)s;
    return 0;
  }
  while (isSpaceChar((unsigned char)*p)) ++p;
  if (*p == '+' || *p == '-') *neg = *p++ == '-';
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
      digitValue((unsigned char)p[2]) < 16) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = p[0] == '0' ? 8 : 10;
  }
  const char *digits = p;
  unsigned long long v = 0;
  for (int d; (d = digitValue((unsigned char)*p)) < base; ++p) {
    if (v > (limit - (unsigned)d) / (unsigned)base) *overflow = 1;
    if (!*overflow) v = v * (unsigned)base + (unsigned)d;
  }
  if (end) *end = (char *)(p == digits ? s : p);
  return *overflow ? limit : v;
}

static long long parseSigned(const char *s, char **end, int base,
                             long long max) {
  int neg, overflow;
  unsigned long long limit = (unsigned long long)max + 1;
  unsigned long long v = parseMagnitude(s, end, base, limit, &neg, &overflow);
  if (!neg && v == limit) overflow = 1;
  if (overflow) {
    errno = ERANGE;
    return neg ? -max - 1 : max;
  }
  return neg ? (long long)(0 - v) : (long long)v;
}

static unsigned long long parseUnsigned(const char *s, char **end, int base,
                                        unsigned long long max) {
  int neg, overflow;
  unsigned long long v = parseMagnitude(s, end, base, max, &neg, &overflow);
  if (overflow) {
    errno = ERANGE;
    return max;
  }
  return neg ? 0 - v : v;
}

long strtol(const char *s, char **end, int base) {
  return parseSigned(s, end, base, 0x7fffffffffffffffLL);
}
long long strtoll(const char *s, char **end, int base) {
  return parseSigned(s, end, base, 0x7fffffffffffffffLL);
}
unsigned long strtoul(const char *s, char **end, int base) {
  return parseUnsigned(s, end, base, ~0ULL);
}
unsigned long long strtoull(const char *s, char **end, int base) {
  return parseUnsigned(s, end, base, ~0ULL);
}
int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }
long long atoll(const char *s) { return strtoll(s, NULL, 10); }

int abs(int v) { return v < 0 ? -v : v; }
long labs(long v) { return v < 0 ? -v : v; }
long long llabs(long long v) { return v < 0 ? -v : v; }

static void swapBytes(char *a, char *b, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    char t = a[i];
    a[i] = b[i];
    b[i] = t;
  }
}

static void siftDown(char *base, size_t root, size_t n, size_t size,
                     int (*cmp)(const void *, const void *)) {
  for (size_t child; (child = 2 * root + 1) < n; root = child) {
    if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
      ++child;
    if (cmp(base + root * size, base + child * size) >= 0) return;
    swapBytes(base + root * size, base + child * size, size);
  }
}

static void heapSort(char *b, size_t n, size_t size,
                     int (*cmp)(const void *, const void *)) {
  for (size_t i = n / 2; i-- > 0;) siftDown(b, i, n, size, cmp);
  for (size_t end = n - 1; end > 0; --end) {
    swapBytes(b, b + end * size, size);
    siftDown(b, 0, end, size, cmp);
  }
}

/* Stable merge of the sorted runs b[0, mid) and b[mid, n) through tmp. */
static void mergeSort(char *b, char *tmp, size_t n, size_t size,
                      int (*cmp)(const void *, const void *)) {
  if (n < 2) return;
  size_t mid = n / 2;
  mergeSort(b, tmp, mid, size, cmp);
  mergeSort(b + mid * size, tmp, n - mid, size, cmp);
  size_t i = 0, j = mid, k = 0;
  while (i < mid && j < n) {
    /* "<= 0" takes the left element on ties: that is what makes it stable. */
    if (cmp(b + i * size, b + j * size) <= 0)
      memcpy(tmp + k++ * size, b + i++ * size, size);
    else
      memcpy(tmp + k++ * size, b + j++ * size, size);
  }
  memcpy(tmp + k * size, b + i * size, (mid - i) * size);
  k += mid - i;
  memcpy(b, tmp, k * size); /* the rest of the right run is in place */
}

/* glibc 2.36 merge-sorts whenever it can allocate a buffer, so programs
   see a stable order for equal keys; we do the same and fall back to an
   in-place heapsort only when memory is short. */
void qsort(void *base, size_t n, size_t size,
           int (*cmp)(const void *, const void *)) {
  if (n < 2 || size == 0) return;
  char *tmp = n <= (size_t)-1 / size ? malloc(n * size) : NULL;
  if (tmp == NULL) {
    heapSort(base, n, size, cmp);
    return;
  }
  mergeSort(base, tmp, n, size, cmp);
  free(tmp);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *)) {
  const char *b = base;
  while (n > 0) {
    const char *mid = b + (n / 2) * size;
    int c = cmp(key, mid);
    if (c == 0) return (void *)mid;
    if (c > 0) {
      b = mid + size;
      n -= n / 2 + 1;
    } else {
      n /= 2;
    }
  }
  return NULL;
}

/* glibc's random(): r[i] = r[i-3] + r[i-31] over a 34-word seed expanded
   with the Park-Miller LCG, first 310 outputs discarded, output >> 1. */
static int32_t randState[34];
static int randFront, randRear;
static int randSeeded;

int rand(void);

void srand(unsigned seed) {
  if (seed == 0) seed = 1;
  randState[0] = (int32_t)seed;
  for (int i = 1; i < 31; ++i) {
    /* 16807 * r mod (2^31 - 1), via Schrage's method as glibc does. */
    int32_t hi = randState[i - 1] / 127773, lo = randState[i - 1] % 127773;
    int32_t word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    randState[i] = word;
  }
  randFront = 3;
  randRear = 0;
  randSeeded = 1;
  for (int i = 0; i < 310; ++i) rand();
}

int rand(void) {
  if (!randSeeded) srand(1);
  uint32_t v = (uint32_t)randState[randFront] + (uint32_t)randState[randRear];
  randState[randFront] = (int32_t)v;
  randFront = (randFront + 1) % 31;
  randRear = (randRear + 1) % 31;
  return (int)(v >> 1);
}
