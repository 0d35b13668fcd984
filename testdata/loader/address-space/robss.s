# A read-only segment (.rodata over more than a page) whose memory size
# exceeds its file size (.robss, allocated but not writable and not in the
# file), in a static program that copies /proc/self/maps to stdout and exits.
        .text
        .globl _start
_start:
        mov $2, %eax
        lea path(%rip), %rdi
        xor %esi, %esi
        syscall
        mov %eax, %r12d
        xor %r13d, %r13d
1:      xor %eax, %eax
        mov %r12d, %edi
        lea buf(%rip), %rsi
        add %r13, %rsi
        mov $65536, %edx
        sub %r13, %rdx
        syscall
        test %rax, %rax
        jle 2f
        add %rax, %r13
        jmp 1b
2:      mov $1, %eax
        mov $1, %edi
        lea buf(%rip), %rsi
        mov %r13, %rdx
        syscall
        mov $60, %eax
        xor %edi, %edi
        syscall
        .section .rodata,"a"
path:   .asciz "/proc/self/maps"
        .zero 5000
        .section .robss,"a",@nobits
        .zero 9000
        .bss
buf:    .zero 65536
