/* spawn: the start-up timer of the loader benchmark. Starts PROG COUNT
   times (posix_spawn + waitpid, stdout to /dev/null) and prints the median
   and the minimum wall time of one start in microseconds; a failed start
   or a non-zero exit is reported and ends the run with status 1.
   Usage: spawn COUNT PROG [ARGS...] */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int byValue(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: spawn COUNT PROG [ARGS...]\n");
    return 2;
  }
  int count = atoi(argv[1]);
  if (count < 1) {
    fprintf(stderr, "spawn: COUNT must be at least 1: %s\n", argv[1]);
    return 2;
  }
  double *us = calloc(count, sizeof *us);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  for (int i = 0; i < count; ++i) {
    struct timespec t0, t1;
    pid_t pid;
    int status;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (posix_spawn(&pid, argv[2], &actions, NULL, argv + 2, environ) != 0) {
      perror(argv[2]);
      return 1;
    }
    waitpid(pid, &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "spawn: %s: status %#x\n", argv[2], status);
      return 1;
    }
    us[i] = (t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3;
  }
  qsort(us, count, sizeof *us, byValue);
  printf("median %.1f min %.1f\n", us[count / 2], us[0]);
  return 0;
}
