/* context.S: the runtime's stack switch (seed article 4.2: "switching the
 * execution unit is switching %rsp"). See include/mldc-context.h.
 *
 * mldc_swapcontext(save, to): pushes the callee-saved registers the psABI
 * says a call must preserve, stores %rsp in save->sp, loads to->sp, pops
 * the registers saved there and returns on the other stack. Caller-saved
 * registers need no saving: the caller of mldc_swapcontext already assumes
 * a call clobbers them. (The x87 control word and MXCSR are callee-saved
 * too; the programs that switch never change them, so they are not kept.)
 */
	.text
	.globl	mldc_swapcontext
	.type	mldc_swapcontext, @function
mldc_swapcontext:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	mldc_swapcontext, .-mldc_swapcontext

/* Where a fresh context starts: mldc_makecontext (context.c) leaves a frame
 * whose "return address" is this label, with %r12 = fn, %r13 = arg,
 * %r14 = the link context and %rbp = 0 (the end of the frame-pointer
 * chain). The frame is laid out so that %rsp is 16-byte aligned here, as a
 * call needs. */
	.globl	mldcContextStart
	.hidden	mldcContextStart
	.type	mldcContextStart, @function
mldcContextStart:
	movq	%r13, %rdi
	call	*%r12
	movq	%r14, %rdi
	call	mldcContextExit
	ud2
	.size	mldcContextStart, .-mldcContextStart

	.section .note.GNU-stack,"",@progbits
