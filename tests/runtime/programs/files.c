/* files.c: errno after failing calls, perror-free strerror use, and
 * FILE I/O on real files: fopen modes, fwrite/fread, fgets, fgetc/ungetc,
 * fseek/ftell, append, and stderr being unbuffered. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/tmp";
  char path[512];
  snprintf(path, sizeof path, "%s/mldc-files-%d.txt", dir, (int)getpid());

  /* The very first output must leave errno alone (stdout is a pipe). */
  errno = 0;
  printf("first output\n");
  printf("errno after first printf=%d\n", errno);
  errno = 0;
  int fd = open("/nonexistent/dir/file", O_RDONLY);
  printf("open=%d errno=%d (%s)\n", fd, errno, strerror(errno));
  FILE *missing = fopen("/nonexistent/file", "r");
  printf("fopen=%p errno=%d\n", (void *)missing, errno);
  errno = 0;
  printf("close(-1)=%d errno=%d\n", close(-1), errno);

  FILE *f = fopen(path, "w");
  if (!f) return 1;
  for (int i = 0; i < 1000; ++i) fprintf(f, "line %d of the file\n", i);
  fputs("last line without newline", f);
  printf("ftell=%ld\n", ftell(f));
  fclose(f);

  f = fopen(path, "r");
  char line[128];
  int lines = 0;
  long bytes = 0;
  while (fgets(line, sizeof line, f)) {
    ++lines;
    bytes += (long)strlen(line);
  }
  printf("lines=%d bytes=%ld last='%s' eof=%d err=%d\n", lines, bytes, line,
         feof(f), ferror(f));
  fseek(f, 5, SEEK_SET);
  int c = fgetc(f);
  ungetc('X', f);
  printf("c=%c again=%c ftell=%ld\n", c, fgetc(f), ftell(f));
  fseek(f, -9, SEEK_END);
  char tail[16] = {0};
  size_t n = fread(tail, 1, sizeof tail - 1, f);
  printf("tail='%s' n=%zu\n", tail, n);
  fclose(f);

  f = fopen(path, "a");
  fwrite("+appended", 1, 9, f);
  fclose(f);
  f = fopen(path, "rb");
  static char all[40000];
  n = fread(all, 1, sizeof all, f);
  printf("total=%zu ends='%s'\n", n, all + n - 15);
  fclose(f);
  unlink(path);

  /* Block read in odd-sized records. */
  f = fopen(path, "w+");
  for (int i = 0; i < 300; ++i) fwrite("0123456789", 1, 10, f);
  rewind(f);
  char rec[7];
  size_t recs = 0;
  while (fread(rec, 7, 1, f) == 1) ++recs;
  printf("records=%zu\n", recs);
  fclose(f);
  unlink(path);

  /* stdin (the test feeds the program's own source): getchar to EOF after
     an fgets, counting lines and a checksum. */
  char first[128];
  if (fgets(first, sizeof first, stdin)) printf("stdin first: %s", first);
  long chars = 0, nl = 0;
  unsigned sum = 0;
  /* Alternate the function with glibc's getc_unlocked macro, which reads
     the FILE's buffer pointers directly (they mirror struct _IO_FILE). */
  for (int ch; (ch = chars % 2 ? getc_unlocked(stdin) : getchar()) != EOF; ++chars) {
    nl += ch == '\n';
    sum = sum * 31 + (unsigned)ch;
  }
  printf("stdin rest: %ld chars %ld lines sum %u eof=%d\n", chars, nl, sum, feof(stdin));

  /* Interleaving: stderr is unbuffered and stdout is a pipe here, so the
     stderr text is written first; the test only compares stdout. */
  fprintf(stderr, "to stderr\n");
  const char *msg = "unlocked putc path\n";
  for (const char *p = msg; *p; ++p) {
    if (*p == 'p') putchar_unlocked(*p);
    else fputc_unlocked(*p, stdout);
  }
  printf("done\n");
  return 0;
}
