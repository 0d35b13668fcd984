/* __thread variables (initialised, zeroed, arrays) in several pthreads:
 * each thread sees its own copy; the TLS image must be laid out right. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

__thread int counter = 100;
__thread char label[16] = "initial";
static __thread long scratch[64];

/* tls-access.c, compiled -fPIC: general/local-dynamic sequences that a
 * static link must relax. */
extern __thread int shared_tls;
int bumpShared(int by);
int readLocalDynamic(void);

enum { THREADS = 4 };
static char results[THREADS][128];

static void *worker(void *arg) {
  int id = (int)(long)arg;
  counter += id * 10;
  snprintf(label, sizeof label, "thread-%d", id);
  for (int i = 0; i < 64; i++) scratch[i] = id * 1000 + i;
  long total = 0;
  for (int round = 0; round < 1000; round++) {
    counter++;
    total += scratch[round % 64];
  }
  int shared = 0;
  for (int i = 0; i < 5; i++) shared = bumpShared(id + 1);
  snprintf(results[id], sizeof results[id],
           "%s counter=%d total=%ld shared=%d ld=%d", label, counter, total,
           shared, readLocalDynamic());
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++)
    if (pthread_create(&t[i], NULL, worker, (void *)(long)i) != 0) {
      puts("pthread_create failed");
      return 1;
    }
  for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < THREADS; i++) puts(results[i]);
  printf("main: %s counter=%d scratch0=%ld shared=%d\n", label, counter,
         scratch[0], shared_tls);
  return 0;
}
