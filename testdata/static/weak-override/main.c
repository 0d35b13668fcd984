#include <stdio.h>

const char *greet(void);
const char *farewell(void);
extern int limit;
extern int fallback_level;
extern void optional_hook(void) __attribute__((weak));
extern int optional_data __attribute__((weak));

int main(void) {
  printf("greet: %s\n", greet());
  printf("farewell: %s\n", farewell());
  printf("limit=%d fallback_level=%d\n", limit, fallback_level);
  printf("optional_hook %s\n", optional_hook ? "present" : "absent");
  printf("optional_data %s\n", &optional_data ? "present" : "absent");
  return 0;
}
