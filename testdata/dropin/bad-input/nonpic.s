# Non-PIC code: the absolute address of x as a 32-bit immediate
# (R_X86_64_32), which cannot be used in a shared object.
        .text
        .globl  getX
        .type   getX, @function
getX:
        movl    $x, %eax
        movl    (%rax), %eax
        ret
        .size   getX, .-getX

        .data
        .globl  x
        .type   x, @object
x:      .long   42
        .size   x, 4
        .section .note.GNU-stack,"",@progbits
