// GEORESERVE_VECTOR_CLONES: compile a hot kernel twice, for the baseline x86-64 and for AVX2, and pick
// the right one when the program starts (GCC function multiversioning through an ifunc). The build
// stays portable (no -march), yet machines that have AVX2 run four doubles per instruction.
//
// The AVX2 clone gives the same bits as the baseline one: such kernels are written without
// reassociated reductions, and FMA is not enabled (fusing would round differently), so only the
// vector width changes.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__)
#define GEORESERVE_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define GEORESERVE_VECTOR_CLONES
#endif
