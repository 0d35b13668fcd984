/* crt1.S: _start, the entry point of every program linked against mldc.
 * Start contract (docs/abi.md): on entry %rsp points at argc, then argv[],
 * NULL, envp[], NULL, auxv; %rdx holds a function to run at exit (the
 * loader's fini, psABI 3.4.1) or 0 from the kernel. We call
 *   __mldc_start_main(main, argc, argv, envp, &arrays, rtld_fini)
 * which never returns. Position independent: only RIP-relative addressing,
 * so one object serves static, static-pie, PIE and non-PIE executables. */

        .text
        .globl  _start
        .type   _start, @function
_start:
        xorl    %ebp, %ebp              /* outermost frame for unwinders */
        movq    %rdx, %r9               /* 6th arg: rtld_fini */
        movq    (%rsp), %rsi            /* 2nd arg: argc */
        leaq    8(%rsp), %rdx           /* 3rd arg: argv */
        leaq    8(%rdx,%rsi,8), %rcx    /* 4th arg: envp = argv + argc + 1 */
        andq    $-16, %rsp              /* psABI: 16-byte aligned at call */

        /* Fill the arrays struct (below) with linker-defined bounds. The
           struct lives on the stack: taking the addresses with lea here
           needs no dynamic relocation in any output kind. */
        subq    $48, %rsp
        leaq    __preinit_array_start(%rip), %rax
        movq    %rax, 0(%rsp)
        leaq    __preinit_array_end(%rip), %rax
        movq    %rax, 8(%rsp)
        leaq    __init_array_start(%rip), %rax
        movq    %rax, 16(%rsp)
        leaq    __init_array_end(%rip), %rax
        movq    %rax, 24(%rsp)
        leaq    __fini_array_start(%rip), %rax
        movq    %rax, 32(%rsp)
        leaq    __fini_array_end(%rip), %rax
        movq    %rax, 40(%rsp)
        movq    %rsp, %r8               /* 5th arg: arrays */

        leaq    main(%rip), %rdi        /* 1st arg: main */
        call    __mldc_start_main@PLT
        hlt                             /* not reached */
        .size   _start, . - _start

        /* The linker defines these bounds; hidden so that references stay
           PC-relative and never go through the GOT. */
        .hidden __preinit_array_start
        .hidden __preinit_array_end
        .hidden __init_array_start
        .hidden __init_array_end
        .hidden __fini_array_start
        .hidden __fini_array_end

        .section .note.GNU-stack,"",@progbits
