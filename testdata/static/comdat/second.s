# COMDAT group "pick" (second copy): must be discarded, including the
# relocations against second_only and never_defined that only this copy has
# (an undefined symbol referenced only from a discarded group is no error).
	.section .text.pick,"axG",@progbits,pick,comdat
	.globl pick
	.type pick,@function
pick:
	.cfi_startproc
	movl second_only(%rip), %eax
	call never_defined
	ret
	.cfi_endproc
	.size pick, .-pick

	.section .rodata.pick_data,"aG",@progbits,pick,comdat
	.globl pick_data
	.type pick_data,@object
pick_data:
	.asciz "second"
	.size pick_data, .-pick_data

	.data
second_only:
	.long 2

	.section .rodata.second_name,"a",@progbits
second_name:
	.asciz "second.s"

	.text
	.globl second_user
	.type second_user,@function
second_user:
	leaq second_name(%rip), %rax
	ret
	.size second_user, .-second_user
	.section .note.GNU-stack,"",@progbits
