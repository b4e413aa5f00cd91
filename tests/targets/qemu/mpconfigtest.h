// Qemu test build configuration: the port's, with asyncio (and its C accelerator) enabled.
#include <mpconfigport.h>

#undef MICROPY_PY_ASYNCIO
#define MICROPY_PY_ASYNCIO (1)

// Atomic sections as on the stm32 port (irq.h there): mask interrupts through PRIMASK and
// restore the previous mask, so they nest. The port leaves them no-ops, which was harmless
// until irqsim made real interrupts preempt the code they protect.
static inline uintptr_t qemu_test_disable_irq(void) {
    uintptr_t state;
    __asm volatile ("mrs %0, primask" : "=r" (state));
    __asm volatile ("cpsid i" : : : "memory");
    return state;
}

static inline void qemu_test_enable_irq(uintptr_t state) {
    __asm volatile ("msr primask, %0" : : "r" (state) : "memory");
}

#define MICROPY_BEGIN_ATOMIC_SECTION() qemu_test_disable_irq()
#define MICROPY_END_ATOMIC_SECTION(state) qemu_test_enable_irq(state)

// machine.disable_irq()/enable_irq() as the Pyboard's machine has them (the port's has not):
// with real interrupts, code that guards itself with them must be tested guarded.
#define MICROPY_PY_MACHINE_DISABLE_IRQ_ENABLE_IRQ (1)

// Idle as the stm32 port idles (its mphalport.h): asyncio waiting for its next deadline or an
// interrupt sleeps in WFI, where the port would spin. Run with -icount sleep=off, the clock
// then jumps to the next timer: an idle guest costs the host nothing.
#define MICROPY_INTERNAL_WFE(TIMEOUT_MS) __asm volatile ("wfi")
