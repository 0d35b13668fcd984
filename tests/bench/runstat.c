/* runstat: runs one command and writes "wall-seconds cpu-seconds
   peak-rss-KiB exit-code" to RESULT. It exists because Linux carries the
   peak-RSS high-water mark across execve: a command started straight from
   Python would report at least Python's own RSS, so measure.py starts it
   from this small process instead. stdout/stderr are inherited.
   Usage: runstat RESULT COMMAND [ARGS...] */
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: runstat RESULT COMMAND [ARGS...]\n");
    return 2;
  }
  struct timespec t0, t1;
  struct rusage usage;
  pid_t pid;
  int status;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (posix_spawn(&pid, argv[2], NULL, NULL, argv + 2, environ) != 0) {
    perror(argv[2]);
    return 1;
  }
  if (wait4(pid, &status, 0, &usage) != pid) {
    perror("wait4");
    return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  FILE *out = fopen(argv[1], "w");
  if (!out) {
    perror(argv[1]);
    return 1;
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  fprintf(out, "%.6f %.6f %ld %d\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
          usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
          usage.ru_maxrss, code);
  return fclose(out) != 0;
}
