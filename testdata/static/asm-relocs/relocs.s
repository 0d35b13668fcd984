# One accessor per relocation type. Each returns in %rax what the linker
# computed, so main.c can check it against the C-level address or size.
	.data
	.globl message
	.type message,@object
message:
	.asciz "hello from asm-relocs"
	.size message, .-message

	.p2align 3
abs64_slot:	.quad message + 6                  # R_X86_64_64, addend 6
pc64_slot:	.quad near_target - pc64_slot      # R_X86_64_PC64 (other section)
word_slot:	.word small_abs                     # R_X86_64_16
byte_slot:	.byte tiny_abs                      # R_X86_64_8
	.section .data.near,"aw",@progbits
pc16_slot:	.word near_target - pc16_slot       # R_X86_64_PC16 (other section)
pc8_slot:	.byte near_target - pc8_slot         # R_X86_64_PC8
	.section .data.near2,"aw",@progbits
	.globl near_target
near_target:	.quad 0

	.text
	.globl get_abs64, get_abs32, get_abs32s, get_pc32, get_rex_gotpcrelx
	.globl call_gotpcrelx, get_size32, get_size64, get_gotoff64, get_gotpc32
	.globl get_pc64, get_word, get_byte, get_pc16, get_pc8, call_puts
	.globl pc16_slot, pc8_slot

get_abs64:
	movq abs64_slot(%rip), %rax
	ret
get_abs32:
	movl $message, %eax                 # R_X86_64_32
	ret
get_abs32s:
	movq $message, %rax                 # R_X86_64_32S
	ret
get_pc32:
	leaq message(%rip), %rax            # R_X86_64_PC32
	ret
get_rex_gotpcrelx:
	movq message@GOTPCREL(%rip), %rax   # R_X86_64_REX_GOTPCRELX
	ret
call_gotpcrelx:
	subq $8, %rsp
	call *asm_helper@GOTPCREL(%rip)     # R_X86_64_GOTPCRELX
	addq $8, %rsp
	ret
get_size32:
	movl $message@SIZE, %eax            # R_X86_64_SIZE32
	ret
get_size64:
	movabsq $message@SIZE, %rax         # R_X86_64_SIZE64
	ret
get_gotoff64:
	# Large-model GOT base: R_X86_64_GOTPC64, then R_X86_64_GOTOFF64.
1:	leaq 1b(%rip), %rcx
	movabsq $_GLOBAL_OFFSET_TABLE_-1b, %r11
	addq %r11, %rcx
	movabsq $message@GOTOFF, %rax
	addq %rcx, %rax
	ret
get_gotpc32:
	leaq _GLOBAL_OFFSET_TABLE_(%rip), %rcx   # R_X86_64_GOTPC32
	movabsq $message@GOTOFF, %rax
	addq %rcx, %rax
	ret
get_pc64:
	leaq pc64_slot(%rip), %rax
	addq pc64_slot(%rip), %rax
	ret
get_word:
	movzwl word_slot(%rip), %eax
	ret
get_byte:
	movzbl byte_slot(%rip), %eax
	ret
get_pc16:
	movswq pc16_slot(%rip), %rax
	ret
get_pc8:
	movsbq pc8_slot(%rip), %rax
	ret
call_puts:
	subq $8, %rsp
	leaq message(%rip), %rdi
	call puts                           # R_X86_64_PLT32
	addq $8, %rsp
	ret
	.section .note.GNU-stack,"",@progbits
