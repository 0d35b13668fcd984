# An absolute symbol far above any code address (defined apart from its users
# so that the assembler leaves the references as relocations).
	.globl big_abs
	.set big_abs, 0x123456789a
	.section .note.GNU-stack,"",@progbits
