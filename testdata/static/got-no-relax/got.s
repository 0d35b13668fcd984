# big_abs (abs.s) is SHN_ABS at 0x123456789a: lea big_abs(%rip) cannot reach
# it and mov $imm32 cannot hold it, so each load keeps its GOT slot.
	.weak never_defined_weak

	.text
	.globl get_big_abs_got, get_big_abs_got32, get_weak_got
get_big_abs_got:
	movq big_abs@GOTPCREL(%rip), %rax              # R_X86_64_REX_GOTPCRELX
	ret
get_big_abs_got32:
	xorl %eax, %eax
	movl big_abs@GOTPCREL(%rip), %eax              # R_X86_64_GOTPCRELX (low half)
	ret
get_weak_got:
	movq never_defined_weak@GOTPCREL(%rip), %rax   # undefined weak: 0
	ret
	.section .note.GNU-stack,"",@progbits
