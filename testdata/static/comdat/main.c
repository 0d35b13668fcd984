#include <stdio.h>

int pick(void);
extern const char pick_data[];
const char *first_user(void);
const char *second_user(void);

int main(void) {
  printf("pick()=%d pick_data=%s\n", pick(), pick_data);
  printf("first_user=%s second_user=%s\n", first_user(), second_user());
  return 0;
}
