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
