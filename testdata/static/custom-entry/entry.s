# Entry point named by -e: align the stack as the psABI wants at a call and
# hand the initial stack pointer (argc, argv...) to C.
	.text
	.globl my_entry
	.type my_entry,@function
my_entry:
	xorl %ebp, %ebp
	movq %rsp, %rdi
	andq $-16, %rsp
	call entry_main
	hlt
	.size my_entry, .-my_entry
	.section .note.GNU-stack,"",@progbits
