static int calls;

int add_numbers(int a, int b) {
  calls++;
  return a + b;
}
