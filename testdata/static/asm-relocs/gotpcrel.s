# Assembled with -mrelax-relocations=no so gas emits plain R_X86_64_GOTPCREL,
# which the linker must satisfy with a real GOT slot holding the address.
	.text
	.globl get_gotpcrel, asm_helper
get_gotpcrel:
	movq message@GOTPCREL(%rip), %rax   # R_X86_64_GOTPCREL
	ret
asm_helper:
	movl $7, %eax
	ret
	.section .note.GNU-stack,"",@progbits
