/* stdio.c: FILE streams: buffering, stdin/stdout/stderr, fopen/fclose and
 * the character and block I/O functions (formatted output is printf.c).
 * The first fields of FILE mirror glibc's struct _IO_FILE (_flags, then
 * the read and write pointers) so that the *_unlocked macros of glibc's
 * <stdio.h> work: they fall back to __uflow/__overflow, which we provide.
 * stdout is line-buffered on a terminal, fully buffered otherwise; stderr
 * is unbuffered. */
#include "mldc.h"

#define BUFFER_SIZE 8192

enum { Unbuffered, LineBuffered, FullyBuffered, ModeUnknown };

struct MldcFile {
  int flags; /* glibc's _flags slot; unused by us */
  char *readPtr, *readEnd, *readBase;
  char *writeBase, *writePtr, *writeEnd;
  char *buf;
  size_t cap;
  int fd;
  int mode;
  int eof, error;
  int ownsBuffer;
  int ungotten; /* one pushed-back byte, or EOF */
  struct MldcFile *next;
};

static char stdinBuf[BUFFER_SIZE], stdoutBuf[BUFFER_SIZE];
static struct MldcFile stdinFile = {.fd = 0, .mode = FullyBuffered,
                                    .buf = stdinBuf, .cap = BUFFER_SIZE,
                                    .ungotten = EOF};
static struct MldcFile stdoutFile = {.fd = 1, .mode = ModeUnknown,
                                     .buf = stdoutBuf, .cap = BUFFER_SIZE,
                                     .ungotten = EOF};
static struct MldcFile stderrFile = {.fd = 2, .mode = Unbuffered,
                                     .ungotten = EOF};
FILE *stdin = &stdinFile;
FILE *stdout = &stdoutFile;
FILE *stderr = &stderrFile;

/* Streams opened with fopen, for fflush(NULL) and exit. */
static FILE *openFiles;

/* The write window glibc's putc_unlocked sees: a full buffer for fully
   buffered streams, an empty one otherwise so every byte reaches
   __overflow, which applies line/unbuffered policy. */
static void resetWriteWindow(FILE *f) {
  f->writeBase = f->writePtr = f->buf;
  f->writeEnd = f->mode == FullyBuffered ? f->buf + f->cap : f->buf;
}

static void settleMode(FILE *f) {
  if (f->mode == ModeUnknown) {
    int saved = errno; /* a first printf must not leave ENOTTY behind */
    f->mode = isatty(f->fd) ? LineBuffered : FullyBuffered;
    errno = saved;
  }
  if (f->buf == NULL) f->mode = Unbuffered;
}

static int writeAll(FILE *f, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(f->fd, p, n);
    if (w < 0) {
      f->error = 1;
      return EOF;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int flushWrite(FILE *f) {
  if (f->writePtr == NULL || f->writePtr == f->writeBase) return 0;
  size_t n = (size_t)(f->writePtr - f->writeBase);
  f->writePtr = f->writeBase;
  return writeAll(f, f->writeBase, n);
}

/* Leaving read mode on a seekable file: give back what we read ahead. */
static void dropReadAhead(FILE *f) {
  if (f->readPtr != f->readEnd) lseek(f->fd, -(off_t)(f->readEnd - f->readPtr), SEEK_CUR);
  f->readPtr = f->readEnd = f->readBase = NULL;
}

static void prepareWrite(FILE *f) {
  if (f->readPtr != NULL) dropReadAhead(f);
  if (f->writeBase == NULL || f->mode == ModeUnknown) {
    settleMode(f);
    resetWriteWindow(f);
  }
}

static size_t writeBytes(FILE *f, const char *p, size_t n) {
  prepareWrite(f);
  if (f->mode == Unbuffered) {
    if (flushWrite(f) == EOF || writeAll(f, p, n) == EOF) return 0;
    return n;
  }
  size_t done = 0;
  while (done < n) {
    size_t room = f->cap - (size_t)(f->writePtr - f->buf);
    if (room == 0) {
      if (flushWrite(f) == EOF) return done;
      continue;
    }
    size_t chunk = n - done < room ? n - done : room;
    memcpy(f->writePtr, p + done, chunk);
    f->writePtr += chunk;
    done += chunk;
  }
  if (f->mode == LineBuffered && memchr(p, '\n', n) != NULL &&
      flushWrite(f) == EOF)
    return 0;
  return n;
}

/* Refill the read buffer; returns the number of bytes available. */
static size_t fillRead(FILE *f) {
  flushWrite(f);
  /* Reading a line-buffered input flushes stdout first, so prompts show. */
  if (f == stdin) fflush(stdout);
  if (f->buf == NULL) {
    f->buf = malloc(BUFFER_SIZE);
    f->cap = BUFFER_SIZE;
    f->ownsBuffer = 1;
    if (f->buf == NULL) return 0;
  }
  ssize_t n = read(f->fd, f->buf, f->cap);
  if (n <= 0) {
    if (n == 0) f->eof = 1; else f->error = 1;
    f->readPtr = f->readEnd = f->readBase = f->buf;
    return 0;
  }
  f->readBase = f->readPtr = f->buf;
  f->readEnd = f->buf + n;
  return (size_t)n;
}

int fgetc(FILE *f) {
  if (f->ungotten != EOF) {
    int c = f->ungotten;
    f->ungotten = EOF;
    return c;
  }
  if (f->writePtr != f->writeBase) flushWrite(f);
  if (f->readPtr == f->readEnd && fillRead(f) == 0) return EOF;
  return (unsigned char)*f->readPtr++;
}

int getc(FILE *f) { return fgetc(f); }
int _IO_getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }
int __uflow(FILE *f) { return fgetc(f); }

int ungetc(int c, FILE *f) {
  if (c == EOF) return EOF;
  f->ungotten = (unsigned char)c;
  f->eof = 0;
  return (unsigned char)c;
}

char *fgets(char *s, int size, FILE *f) {
  int n = 0;
  while (n < size - 1) {
    int c = fgetc(f);
    if (c == EOF) break;
    s[n++] = (char)c;
    if (c == '\n') break;
  }
  if (n == 0 || size <= 0) return NULL;
  s[n] = '\0';
  return s;
}

size_t fread(void *ptr, size_t size, size_t count, FILE *f) {
  size_t want = size * count, got = 0;
  char *out = ptr;
  if (want == 0) return 0;
  while (got < want) {
    int c = fgetc(f); /* handles ungetc and refills */
    if (c == EOF) break;
    out[got++] = (char)c;
    size_t avail = (size_t)(f->readEnd - f->readPtr);
    size_t chunk = want - got < avail ? want - got : avail;
    memcpy(out + got, f->readPtr, chunk);
    f->readPtr += chunk;
    got += chunk;
  }
  return got / size;
}

size_t fwrite(const void *ptr, size_t size, size_t count, FILE *f) {
  size_t want = size * count;
  if (want == 0) return 0;
  return writeBytes(f, ptr, want) / size;
}

int fputc(int c, FILE *f) {
  char ch = (char)c;
  return writeBytes(f, &ch, 1) == 1 ? (unsigned char)c : EOF;
}

int putc(int c, FILE *f) { return fputc(c, f); }
int _IO_putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }
int __overflow(FILE *f, int c) { return c == EOF ? fflush(f) : fputc(c, f); }

int fputs(const char *s, FILE *f) {
  size_t n = strlen(s);
  return writeBytes(f, s, n) == n ? 1 : EOF;
}

/* glibc returns the number of bytes written (capped at INT_MAX). */
int puts(const char *s) {
  size_t n = strlen(s);
  if (writeBytes(stdout, s, n) != n || fputc('\n', stdout) == EOF) return EOF;
  return n + 1 > 0x7fffffff ? 0x7fffffff : (int)(n + 1);
}

/* Internal sink for printf.c. */
void mldcFileSink(void *cookie, const char *p, size_t n) {
  writeBytes(cookie, p, n);
}

int fflush(FILE *f) {
  if (f == NULL) {
    int rc = fflush(stdout) | fflush(stderr);
    for (FILE *o = openFiles; o; o = o->next) rc |= fflush(o);
    return rc;
  }
  return flushWrite(f);
}

void mldcFlushAll(void) { fflush(NULL); }

static int parseMode(const char *mode) {
  int flags;
  switch (mode[0]) {
    case 'r': flags = O_RDONLY; break;
    case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
    default: return -1;
  }
  for (const char *m = mode + 1; *m; ++m) {
    if (*m == '+') flags = (flags & ~(O_WRONLY | O_RDONLY)) | O_RDWR;
    if (*m == 'e') flags |= O_CLOEXEC;
    if (*m == 'x') flags |= 0200; /* O_EXCL */
  }
  return flags;
}

FILE *fdopen(int fd, const char *mode) {
  if (parseMode(mode) < 0) {
    errno = EINVAL;
    return NULL;
  }
  FILE *f = malloc(sizeof *f);
  char *buf = malloc(BUFFER_SIZE);
  if (f == NULL || buf == NULL) {
    free(f);
    free(buf);
    return NULL;
  }
  memset(f, 0, sizeof *f);
  f->fd = fd;
  f->buf = buf;
  f->cap = BUFFER_SIZE;
  f->ownsBuffer = 1;
  f->mode = FullyBuffered;
  f->ungotten = EOF;
  f->next = openFiles;
  openFiles = f;
  return f;
}

FILE *fopen(const char *path, const char *mode) {
  int flags = parseMode(mode);
  if (flags < 0) {
    errno = EINVAL;
    return NULL;
  }
  int fd = open(path, flags, 0666);
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, mode);
  if (f == NULL) close(fd);
  return f;
}

int fclose(FILE *f) {
  int rc = fflush(f);
  if (close(f->fd) < 0) rc = EOF;
  for (FILE **link = &openFiles; *link; link = &(*link)->next)
    if (*link == f) {
      *link = f->next;
      break;
    }
  if (f->ownsBuffer) free(f->buf);
  if (f != stdin && f != stdout && f != stderr) free(f);
  return rc;
}

int fseek(FILE *f, long off, int whence) {
  if (flushWrite(f) == EOF) return -1;
  if (whence == SEEK_CUR) off -= (long)(f->readEnd - f->readPtr) + (f->ungotten != EOF);
  f->readPtr = f->readEnd = f->readBase = NULL;
  f->ungotten = EOF;
  f->eof = 0;
  return lseek(f->fd, off, whence) < 0 ? -1 : 0;
}

long ftell(FILE *f) {
  off_t pos = lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) return -1;
  return pos + (f->writePtr - f->writeBase) - (f->readEnd - f->readPtr) -
         (f->ungotten != EOF);
}

void rewind(FILE *f) {
  fseek(f, 0, SEEK_SET);
  f->error = 0;
}

int feof(FILE *f) { return f->eof; }
int ferror(FILE *f) { return f->error; }
void clearerr(FILE *f) { f->eof = f->error = 0; }
int fileno(FILE *f) { return f->fd; }

int setvbuf(FILE *f, char *buf, int mode, size_t size) {
  /* glibc's _IOFBF 0, _IOLBF 1, _IONBF 2. */
  static const int modes[] = {FullyBuffered, LineBuffered, Unbuffered};
  if (mode < 0 || mode > 2) return -1;
  flushWrite(f);
  f->mode = modes[mode];
  if (buf != NULL && size > 0) {
    f->buf = buf;
    f->cap = size;
  }
  if (f->buf == NULL) f->mode = Unbuffered;
  resetWriteWindow(f);
  return 0;
}

void setbuf(FILE *f, char *buf) { setvbuf(f, buf, buf ? 0 : 2, BUFFER_SIZE); }

/* The *_unlocked variants: the runtime is single-threaded, so locking is
   already absent and they are the same functions. */
#define UNLOCKED(name, target) __typeof__(target) name __attribute__((alias(#target)))
UNLOCKED(fgetc_unlocked, fgetc);
UNLOCKED(getc_unlocked, fgetc);
UNLOCKED(fputc_unlocked, fputc);
UNLOCKED(putc_unlocked, fputc);
UNLOCKED(fwrite_unlocked, fwrite);
UNLOCKED(fread_unlocked, fread);
UNLOCKED(fflush_unlocked, fflush);
UNLOCKED(feof_unlocked, feof);
UNLOCKED(ferror_unlocked, ferror);
UNLOCKED(clearerr_unlocked, clearerr);
UNLOCKED(fputs_unlocked, fputs);
UNLOCKED(fgets_unlocked, fgets);
int getchar_unlocked(void) { return fgetc(stdin); }
int putchar_unlocked(int c) { return fputc(c, stdout); }
