#include <stdio.h>

extern char message[];
extern char near_target[], pc16_slot[], pc8_slot[];
long get_abs64(void), get_abs32(void), get_abs32s(void), get_pc32(void);
long get_gotpcrel(void), get_rex_gotpcrelx(void), call_gotpcrelx(void);
long get_size32(void), get_size64(void), get_gotoff64(void), get_gotpc32(void);
long get_pc64(void), get_word(void), get_byte(void), get_pc16(void), get_pc8(void);
void call_puts(void);

static void check(const char *what, long got, long want) {
  if (got == want) printf("%-24s ok\n", what);
  else printf("%-24s BAD got %#lx want %#lx\n", what, got, want);
}

int main(void) {
  long m = (long)message;
  check("R_X86_64_64", get_abs64(), m + 6);
  check("R_X86_64_32", get_abs32(), m);
  check("R_X86_64_32S", get_abs32s(), m);
  check("R_X86_64_PC32", get_pc32(), m);
  check("R_X86_64_GOTPCREL", get_gotpcrel(), m);
  check("R_X86_64_REX_GOTPCRELX", get_rex_gotpcrelx(), m);
  check("R_X86_64_GOTPCRELX", call_gotpcrelx(), 7);
  check("R_X86_64_SIZE32", get_size32(), sizeof "hello from asm-relocs");
  check("R_X86_64_SIZE64", get_size64(), sizeof "hello from asm-relocs");
  check("R_X86_64_GOTPC64+GOTOFF64", get_gotoff64(), m);
  check("R_X86_64_GOTPC32", get_gotpc32(), m);
  check("R_X86_64_PC64", get_pc64(), (long)near_target);
  check("R_X86_64_16", get_word(), 0xbeef);
  check("R_X86_64_8", get_byte(), 0x5a);
  check("R_X86_64_PC16", get_pc16(), near_target - pc16_slot);
  check("R_X86_64_PC8", get_pc8(), near_target - pc8_slot);
  call_puts();
  return 0;
}
