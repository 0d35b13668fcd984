/* errors.c: error reporting: strerror's message table (glibc's wording for
 * the common errno values), __assert_fail with glibc's exact text, and
 * __stack_chk_fail. */
#include "mldc.h"

static const char *const messages[] = {
    [0] = "Success",
    [1] = "Operation not permitted",
    [2] = "No such file or directory",
    [3] = "No such process",
    [4] = "Interrupted system call",
    [5] = "Input/output error",
    [6] = "No such device or address",
    [7] = "Argument list too long",
    [8] = "Exec format error",
    [9] = "Bad file descriptor",
    [10] = "No child processes",
    [11] = "Resource temporarily unavailable",
    [12] = "Cannot allocate memory",
    [13] = "Permission denied",
    [14] = "Bad address",
    [15] = "Block device required",
    [16] = "Device or resource busy",
    [17] = "File exists",
    [18] = "Invalid cross-device link",
    [19] = "No such device",
    [20] = "Not a directory",
    [21] = "Is a directory",
    [22] = "Invalid argument",
    [23] = "Too many open files in system",
    [24] = "Too many open files",
    [25] = "Inappropriate ioctl for device",
    [26] = "Text file busy",
    [27] = "File too large",
    [28] = "No space left on device",
    [29] = "Illegal seek",
    [30] = "Read-only file system",
    [31] = "Too many links",
    [32] = "Broken pipe",
    [33] = "Numerical argument out of domain",
    [34] = "Numerical result out of range",
};

char *strerror(int err) {
  static char unknown[32];
  if (err >= 0 && err < (int)(sizeof messages / sizeof messages[0]))
    return (char *)messages[err];
  /* glibc: "Unknown error N" */
  char digits[12];
  int n = 0;
  unsigned v = err < 0 ? -(unsigned)err : (unsigned)err;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  char *p = unknown;
  memcpy(p, "Unknown error ", 14);
  p += 14;
  if (err < 0) *p++ = '-';
  while (n) *p++ = digits[--n];
  *p = '\0';
  return unknown;
}

void perror(const char *prefix) {
  const char *msg = strerror(errno);
  if (prefix && *prefix) {
    fputs(prefix, stderr);
    fputs(": ", stderr);
  }
  fputs(msg, stderr);
  fputs("\n", stderr);
}

/* glibc: "prog: file:line: func: Assertion `expr' failed.\n" then abort.
   Like glibc, buffered stdout is not flushed: abort loses it. */
void __assert_fail(const char *expr, const char *file, unsigned line,
                   const char *func) {
  fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n",
          __progname ? __progname : "", __progname ? ": " : "", file, line,
          func ? func : "", func ? ": " : "", expr);
  abort();
}

void __stack_chk_fail(void) {
  static const char msg[] = "*** stack smashing detected ***: terminated\n";
  write(2, msg, sizeof msg - 1);
  abort();
}
