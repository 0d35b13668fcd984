/* ctype.c: <ctype.h> for the "C" locale. glibc's macros index the tables
 * returned by __ctype_b_loc/__ctype_tolower_loc/__ctype_toupper_loc with
 * any value in -128..255 (signed char or EOF), so each table has 384
 * entries and the returned pointer aims at entry 128. The class bits are
 * glibc's little-endian _ISbit layout from <ctype.h>. */
#include "mldc.h"

#define ISBIT(bit) ((bit) < 8 ? ((1 << (bit)) << 8) : ((1 << (bit)) >> 8))
enum {
  IsUpper = ISBIT(0), IsLower = ISBIT(1), IsAlpha = ISBIT(2),
  IsDigit = ISBIT(3), IsXdigit = ISBIT(4), IsSpace = ISBIT(5),
  IsPrint = ISBIT(6), IsGraph = ISBIT(7), IsBlank = ISBIT(8),
  IsCntrl = ISBIT(9), IsPunct = ISBIT(10), IsAlnum = ISBIT(11),
};

static unsigned short classTable[384];
static int32_t lowerTable[384], upperTable[384];
static const unsigned short *classPtr;
static const int32_t *lowerPtr, *upperPtr;

static unsigned short classify(int c) {
  unsigned short m = 0;
  if (c < 0 || c > 127) return 0;
  if (c >= 'A' && c <= 'Z') m |= IsUpper | IsAlpha | IsAlnum;
  if (c >= 'a' && c <= 'z') m |= IsLower | IsAlpha | IsAlnum;
  if (c >= '0' && c <= '9') m |= IsDigit | IsXdigit | IsAlnum;
  if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) m |= IsXdigit;
  if (c == ' ' || (c >= '\t' && c <= '\r')) m |= IsSpace;
  if (c == ' ' || c == '\t') m |= IsBlank;
  if (c < 32 || c == 127) m |= IsCntrl;
  if (c >= 32 && c < 127) m |= IsPrint;
  if (c > 32 && c < 127) m |= IsGraph;
  if ((m & IsGraph) && !(m & IsAlnum)) m |= IsPunct;
  return m;
}

/* Filled on first use rather than written out as 384-entry literals; the
   pointers are what glibc's macros dereference. */
static void fillTables(void) {
  for (int i = -128; i < 256; ++i) {
    /* glibc maps a negative (signed char) index other than EOF to the
       unsigned character, in the case tables as in the class table. */
    int ch = i < -1 ? i + 256 : i;
    classTable[i + 128] = classify(ch);
    lowerTable[i + 128] = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
    upperTable[i + 128] = (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
  }
  classPtr = classTable + 128;
  lowerPtr = lowerTable + 128;
  upperPtr = upperTable + 128;
}

const unsigned short **__ctype_b_loc(void) {
  if (classPtr == NULL) fillTables();
  return &classPtr;
}

const int32_t **__ctype_tolower_loc(void) {
  if (lowerPtr == NULL) fillTables();
  return &lowerPtr;
}

const int32_t **__ctype_toupper_loc(void) {
  if (upperPtr == NULL) fillTables();
  return &upperPtr;
}

static int has(int c, unsigned short bit) {
  if (c < -128 || c > 255) return 0;
  return ((*__ctype_b_loc())[c] & bit) != 0;
}

int isalpha(int c) { return has(c, IsAlpha); }
int isdigit(int c) { return has(c, IsDigit); }
int isspace(int c) { return has(c, IsSpace); }
int isupper(int c) { return has(c, IsUpper); }
int islower(int c) { return has(c, IsLower); }
int isalnum(int c) { return has(c, IsAlnum); }
int isxdigit(int c) { return has(c, IsXdigit); }
int ispunct(int c) { return has(c, IsPunct); }
int isprint(int c) { return has(c, IsPrint); }
int iscntrl(int c) { return has(c, IsCntrl); }
int isgraph(int c) { return has(c, IsGraph); }
int isblank(int c) { return has(c, IsBlank); }
int tolower(int c) {
  return c >= -128 && c < 256 ? (*__ctype_tolower_loc())[c] : c;
}
int toupper(int c) {
  return c >= -128 && c < 256 ? (*__ctype_toupper_loc())[c] : c;
}
