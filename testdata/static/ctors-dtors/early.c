#include <stdio.h>

__attribute__((constructor(101))) static void ctor101(void) { puts("ctor 101 (early.c)"); }
__attribute__((constructor(300))) static void ctor300(void) { puts("ctor 300 (early.c)"); }
__attribute__((destructor(101))) static void dtor101(void) { puts("dtor 101 (early.c)"); }
__attribute__((destructor(300))) static void dtor300(void) { puts("dtor 300 (early.c)"); }

/* .preinit_array runs before every .init_array entry (static executables only). */
static void preinit(void) { puts("preinit_array (early.c)"); }
__attribute__((section(".preinit_array"), used)) static void (*preinit_entry)(void) = preinit;
