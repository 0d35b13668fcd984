#include <stdio.h>

struct node { int value; const char *label; struct node *next; };
extern struct node mid;
extern int *const middle;
extern int numbers[10];
extern const char *const *label_ptr;
int twice(int);

struct node head = {1, "head", &mid};
int (*op)(int) = twice;
int *past_end = &numbers[10];
char *within = "abcdefgh" + 3;

int twice(int x) { return 2 * x; }

int main(void) {
  for (struct node *n = &head; n; n = n->next) printf("node %d %s\n", n->value, n->label);
  printf("*middle=%d middle[-2]=%d past_end-numbers=%ld\n", *middle, middle[-2], (long)(past_end - numbers));
  printf("*label_ptr=%s label_ptr[-1]=%s\n", *label_ptr, label_ptr[-1]);
  printf("op(21)=%d within=%s\n", op(21), within);
  return 0;
}
