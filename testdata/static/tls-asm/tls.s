# Three ways to reach thread-local storage from a static executable; each
# returns the variable's address so main.c can compare with &var.
	.section .tdata,"awT",@progbits
	.globl tls_init
	.p2align 3
tls_init:
	.quad 0x1122334455667788
	.section .tbss,"awT",@nobits
	.globl tls_zero
	.p2align 4
tls_zero:
	.zero 64

	.data
	.p2align 3
tpoff64_slot:
	.quad tls_zero@tpoff                 # R_X86_64_TPOFF64

	.text
	.globl addr_tpoff32, addr_tpoff64, addr_gottpoff, load_tpoff32
addr_tpoff32:
	movq %fs:0, %rax
	leaq tls_init@tpoff(%rax), %rax      # R_X86_64_TPOFF32
	ret
load_tpoff32:
	movq %fs:tls_init@tpoff, %rax        # R_X86_64_TPOFF32
	ret
addr_tpoff64:
	movq %fs:0, %rax
	addq tpoff64_slot(%rip), %rax
	ret
addr_gottpoff:
	movq tls_zero@gottpoff(%rip), %rax   # R_X86_64_GOTTPOFF
	addq %fs:0, %rax
	ret
	.section .note.GNU-stack,"",@progbits
