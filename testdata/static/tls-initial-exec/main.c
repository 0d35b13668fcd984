#include <stdio.h>

extern __thread int ie_value;
extern __thread char ie_name[16];
extern __thread long ie_zero[32];
void set_name(const char *);

int main(void) {
  printf("ie_value=%d ie_name=%s\n", ie_value, ie_name);
  ie_value *= 3;
  set_name("renamed");
  long s = 0;
  for (int i = 0; i < 32; i++) s += ie_zero[i];
  ie_zero[31] = 8;
  printf("ie_value=%d ie_name=%s zero_sum=%ld last=%ld\n", ie_value, ie_name, s, ie_zero[31]);
  return 0;
}
