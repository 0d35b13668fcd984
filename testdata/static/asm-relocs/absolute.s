# Absolute symbols (SHN_ABS) referenced by 16- and 8-bit data relocations.
	.globl small_abs, tiny_abs
	.set small_abs, 0xbeef
	.set tiny_abs, 0x5a
	.section .note.GNU-stack,"",@progbits
