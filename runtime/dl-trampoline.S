/* dl-trampoline.S: _dl_runtime_resolve, the target of GOT.PLT[2]; assembled
 * into mload (not into the libc). Lazy binding's third jump lands here:
 *
 *   PLTn:  jmp *GOT.PLT[n+2]  (first time: falls through to the push below)
 *          push $n-1       (1st jump: the .rela.plt index)
 *          jmp PLT0
 *   PLT0:  push GOT.PLT[1] (2nd jump: the module handle)
 *          jmp *GOT.PLT[2] (3rd jump: here)
 *
 * Stack on entry:          16(%rsp)  return address into the caller
 *                           8(%rsp)  n-1, the JUMP_SLOT index
 *                           0(%rsp)  module handle
 *
 * Every register that can carry an argument is preserved: rdi rsi rdx rcx
 * r8 r9, rax (%al = vector register count of a varargs call), r10 (static
 * chain), and the whole vector state (xmm/ymm/zmm, via xsavec/xsave, or
 * fxsave on CPUs without XSAVE). _dl_fixup(module, n) patches the slot and
 * returns the target, which we tail-jump to with the caller's arguments
 * and return address intact. mload picks one of the three variants below
 * at start-up (loader/fixup.cpp) and sets _dl_tramp_frame: 64 bytes of
 * integer registers + the state area size from cpuid leaf 0xd, rounded up
 * to 64. */

        .text

/* Components saved by xsave/xsavec: x87 is not an argument register;
   SSE (1), AVX (2), MPX bound registers (3, 4) and the AVX-512 opmask and
   upper halves (5, 6, 7) are. */
#define STATE_MASK 0xee

.macro SAVE_FXSAVE
        fxsave  64(%rsp)
.endm
.macro RESTORE_FXSAVE
        fxrstor 64(%rsp)
.endm
.macro SAVE_XSAVE insn
        movl    $STATE_MASK, %eax
        xorl    %edx, %edx
        /* XRSTOR faults on a non-zero reserved header, and this stack
           memory is garbage: clear the 64-byte XSAVE header first. */
        movq    %rdx, 64+512+0(%rsp)
        movq    %rdx, 64+512+8(%rsp)
        movq    %rdx, 64+512+16(%rsp)
        movq    %rdx, 64+512+24(%rsp)
        movq    %rdx, 64+512+32(%rsp)
        movq    %rdx, 64+512+40(%rsp)
        movq    %rdx, 64+512+48(%rsp)
        movq    %rdx, 64+512+56(%rsp)
        \insn   64(%rsp)
.endm
.macro RESTORE_XSAVE
        movl    $STATE_MASK, %eax
        xorl    %edx, %edx
        xrstor  64(%rsp)
.endm

.macro TRAMPOLINE name, save, restore, arg
        .globl  \name
        .hidden \name
        .type   \name, @function
        .p2align 4
\name:
        .cfi_startproc
        /* The CFA is 24 above %rsp: the two words PLT code pushed, then
           the return address (the default CFA rule only knows the last). */
        .cfi_adjust_cfa_offset 16
        endbr64
        pushq   %rbx
        .cfi_adjust_cfa_offset 8
        .cfi_rel_offset %rbx, 0
        movq    %rsp, %rbx
        .cfi_def_cfa_register %rbx
        andq    $-64, %rsp              /* xsave needs 64-byte alignment */
        subq    _dl_tramp_frame(%rip), %rsp
        movq    %rax, 0(%rsp)
        movq    %rcx, 8(%rsp)
        movq    %rdx, 16(%rsp)
        movq    %rsi, 24(%rsp)
        movq    %rdi, 32(%rsp)
        movq    %r8, 40(%rsp)
        movq    %r9, 48(%rsp)
        movq    %r10, 56(%rsp)
        \save   \arg
        movq    8(%rbx), %rdi           /* module handle */
        movq    16(%rbx), %rsi          /* JUMP_SLOT index n */
        call    _dl_fixup               /* %rsp is 64-aligned here */
        movq    %rax, %r11              /* target; r11 is free at a call */
        \restore
        movq    0(%rsp), %rax
        movq    8(%rsp), %rcx
        movq    16(%rsp), %rdx
        movq    24(%rsp), %rsi
        movq    32(%rsp), %rdi
        movq    40(%rsp), %r8
        movq    48(%rsp), %r9
        movq    56(%rsp), %r10
        movq    %rbx, %rsp
        .cfi_def_cfa_register %rsp
        popq    %rbx
        .cfi_adjust_cfa_offset -8
        .cfi_restore %rbx
        addq    $16, %rsp               /* drop the handle and the index */
        .cfi_adjust_cfa_offset -16
        jmp     *%r11
        .cfi_endproc
        .size   \name, . - \name
.endm

        TRAMPOLINE _dl_runtime_resolve, SAVE_XSAVE, RESTORE_XSAVE, xsavec
        TRAMPOLINE _dl_runtime_resolve_xsave, SAVE_XSAVE, RESTORE_XSAVE, xsave
        TRAMPOLINE _dl_runtime_resolve_fxsave, SAVE_FXSAVE, RESTORE_FXSAVE

/* TLS descriptors (R_X86_64_TLSDESC, -mtls-dialect=gnu2): the code does
   `call *(%rax)` with %rax = the descriptor and adds the result to %fs:0.
   Every block mload lays out is static, so word 1 of the descriptor already
   holds the offset from the thread pointer. Only %rax may change. */
        .globl  _dl_tlsdesc_return
        .hidden _dl_tlsdesc_return
        .type   _dl_tlsdesc_return, @function
        .p2align 4
_dl_tlsdesc_return:
        .cfi_startproc
        endbr64
        movq    8(%rax), %rax
        ret
        .cfi_endproc
        .size   _dl_tlsdesc_return, . - _dl_tlsdesc_return

        .section .note.GNU-stack,"",@progbits
