/* A program whose entry point checks what the psABI promises at process
   entry: %rsp is 16-byte aligned and points at argc. It exits with 0 if
   so, 1 if %rsp is misaligned, 2 if argc is not 3 (it is run with two
   arguments). glibc's ld.so, run as a program, relies on the alignment. */
        .globl _start
        .text
_start:
        movl    $1, %edi
        testq   $15, %rsp
        jnz     1f
        movl    $2, %edi
        cmpq    $3, (%rsp)
        jne     1f
        xorl    %edi, %edi
1:      movl    $231, %eax      /* exit_group */
        syscall
        .section .note.GNU-stack,"",@progbits
