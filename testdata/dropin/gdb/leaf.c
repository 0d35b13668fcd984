/* The function gdb stops in (the line with the breakpoint marker). */
int leaf(int x) {
  int doubled = x * 2; /* BREAK HERE */
  return doubled + 1;
}
