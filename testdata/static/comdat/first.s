# COMDAT group "pick" (first copy): pick() returns 1, pick_data says "first".
	.section .text.pick,"axG",@progbits,pick,comdat
	.globl pick
	.type pick,@function
pick:
	.cfi_startproc
	movl $1, %eax
	ret
	.cfi_endproc
	.size pick, .-pick

	.section .rodata.pick_data,"aG",@progbits,pick,comdat
	.globl pick_data
	.type pick_data,@object
pick_data:
	.asciz "first"
	.size pick_data, .-pick_data

	.section .rodata.first_name,"a",@progbits
first_name:
	.asciz "first.s"

	.text
	.globl first_user
	.type first_user,@function
first_user:
	leaq first_name(%rip), %rax
	ret
	.size first_user, .-first_user
	.section .note.GNU-stack,"",@progbits
