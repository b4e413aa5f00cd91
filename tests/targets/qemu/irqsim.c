// irqsim: real hardware interrupts for the qemu test build (never in a firmware).
//
// irqsim.Timer(freq_hz, callback) runs one of the MPS2 board's two CMSDK APB timers, whose
// interrupt calls callback(timer) in hard IRQ context as pyb.Timer does on the stm32 port:
// scheduler and heap locked, an uncaught exception printed and the timer stopped. Each period
// is drawn pseudo-randomly from [T/2, 3T/2) so interrupts land at varying instants of the code
// under test. irqsim.seed(n) seeds that draw: under qemu -icount with a fixed shift (time
// counted in instructions) a seed gives the same interleaving on every host, however busy, and
// each seed another one. The port's vector table (in flash, 16 system exceptions only) is copied to RAM
// with room for the board's external IRQs and installed through SCB->VTOR on first use.
//
// Built only by tests/targets/qemu/mpconfigboard.mk (SRC_C), so the stm32 firmware never
// compiles it; tests/host/test_boards.py checks that no firmware holds it.
#include <stdint.h>
#include <string.h>

#include "py/gc.h"
#include "py/mphal.h"
#include "py/runtime.h"

// MPS2 (AN385/AN386) memory map and QEMU's hw/arm/mps2.c: CMSDK APB timer i at
// 0x40000000 + i * 0x1000 on external IRQ 8 + i; the APB clock is 25 MHz.
#define IRQSIM_NUM_TIMERS (2)
#define IRQSIM_TIMER_BASE (0x40000000u)
#define IRQSIM_TIMER_IRQ0 (8)
#define IRQSIM_PCLK_HZ (25000000u)

typedef struct _irqsim_cmsdk_timer_t {
    volatile uint32_t CTRL; // bit 0 enable, bit 3 interrupt enable
    volatile uint32_t VALUE;
    volatile uint32_t RELOAD;
    volatile uint32_t INTSTATUS; // write 1 to clear
} irqsim_cmsdk_timer_t;

#define IRQSIM_CTRL_EN (1u << 0)
#define IRQSIM_CTRL_IRQEN (1u << 3)

#define IRQSIM_TIMER(i) ((irqsim_cmsdk_timer_t *)(IRQSIM_TIMER_BASE + (i) * 0x1000u))

// Cortex-M system control: vector table offset, NVIC set/clear enable and pending.
#define IRQSIM_SCB_VTOR (*(volatile uint32_t *)0xE000ED08u)
#define IRQSIM_NVIC_ISER0 (*(volatile uint32_t *)0xE000E100u)
#define IRQSIM_NVIC_ICER0 (*(volatile uint32_t *)0xE000E180u)
#define IRQSIM_NVIC_ICPR0 (*(volatile uint32_t *)0xE000E280u)

// 16 system exceptions + 32 external IRQs: 48 words, so the table must sit on a 256-byte
// boundary (VTOR needs alignment to the table size rounded up to a power of two).
#define IRQSIM_VECTORS (16 + 32)
static uint32_t irqsim_vector_table[IRQSIM_VECTORS] __attribute__((aligned(256)));

typedef struct _irqsim_timer_obj_t {
    mp_obj_base_t base;
    uint8_t id;
    uint32_t period; // nominal period in APB clock ticks
    uint32_t rng; // xorshift32 state for the jitter
    mp_obj_t callback;
    volatile mp_uint_t count;
} irqsim_timer_obj_t;

static const mp_obj_type_t irqsim_timer_type;

// The seed of the next timer's jitter; 0: none given, seed from the clock.
static uint32_t irqsim_seed_next;

MP_REGISTER_ROOT_POINTER(struct _irqsim_timer_obj_t *irqsim_timers[IRQSIM_NUM_TIMERS]);

static void irqsim_irq_handler(unsigned int id);

static void irqsim_timer0_handler(void) {
    irqsim_irq_handler(0);
}

static void irqsim_timer1_handler(void) {
    irqsim_irq_handler(1);
}

// Every external IRQ without a handler here: the port's own catch-all (a halt).
extern void Default_Handler(void);

static void irqsim_install_vectors(void) {
    if (IRQSIM_SCB_VTOR == (uint32_t)irqsim_vector_table) {
        return;
    }
    const uint32_t *flash_table = (const uint32_t *)IRQSIM_SCB_VTOR;
    memcpy(irqsim_vector_table, flash_table, 16 * sizeof(uint32_t));
    for (size_t i = 16; i < IRQSIM_VECTORS; ++i) {
        irqsim_vector_table[i] = (uint32_t)&Default_Handler;
    }
    irqsim_vector_table[16 + IRQSIM_TIMER_IRQ0] = (uint32_t)&irqsim_timer0_handler;
    irqsim_vector_table[16 + IRQSIM_TIMER_IRQ0 + 1] = (uint32_t)&irqsim_timer1_handler;
    __asm volatile ("dsb" ::: "memory");
    IRQSIM_SCB_VTOR = (uint32_t)irqsim_vector_table;
    __asm volatile ("dsb\n isb" ::: "memory");
}

// The next period: uniform in [period/2, 3*period/2), at least 16 ticks.
static uint32_t irqsim_next_reload(irqsim_timer_obj_t *self) {
    uint32_t x = self->rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    self->rng = x;
    uint32_t reload = self->period / 2 + x % (self->period > 0 ? self->period : 1);
    return reload < 16 ? 16 : reload;
}

static void irqsim_timer_stop(irqsim_timer_obj_t *self) {
    irqsim_cmsdk_timer_t *t = IRQSIM_TIMER(self->id);
    t->CTRL = 0;
    t->INTSTATUS = 1;
    IRQSIM_NVIC_ICER0 = 1u << (IRQSIM_TIMER_IRQ0 + self->id);
    IRQSIM_NVIC_ICPR0 = 1u << (IRQSIM_TIMER_IRQ0 + self->id);
}

// Hard IRQ context: what shared/runtime/mpirq.c's mp_irq_dispatch() does for a hard handler
// (that file is not part of the qemu port). Allocates nothing itself.
static void irqsim_irq_handler(unsigned int id) {
    irqsim_cmsdk_timer_t *t = IRQSIM_TIMER(id);
    t->INTSTATUS = 1;
    irqsim_timer_obj_t *self = MP_STATE_PORT(irqsim_timers)[id];
    if (self == NULL) {
        t->CTRL = 0;
        return;
    }
    // The counter reloads from RELOAD when it reaches 0: this sets the period after next,
    // which is jittered all the same.
    t->RELOAD = irqsim_next_reload(self);
    self->count += 1;
    mp_sched_lock();
    gc_lock();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_call_function_1(self->callback, MP_OBJ_FROM_PTR(self));
        nlr_pop();
    } else {
        irqsim_timer_stop(self);
        MP_STATE_PORT(irqsim_timers)[id] = NULL;
        mp_printf(MICROPY_ERROR_PRINTER, "uncaught exception in irqsim.Timer(%u) interrupt handler\n", id);
        mp_obj_print_exception(MICROPY_ERROR_PRINTER, MP_OBJ_FROM_PTR(nlr.ret_val));
    }
    gc_unlock();
    mp_sched_unlock();
}

// Timer(freq_hz, callback) -> a running timer on the first free CMSDK timer.
static mp_obj_t irqsim_timer_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    mp_int_t freq = mp_obj_get_int(args[0]);
    if (freq <= 0 || (mp_uint_t)freq > IRQSIM_PCLK_HZ / 100) {
        mp_raise_ValueError(MP_ERROR_TEXT("freq_hz must be 1..250000"));
    }
    if (!mp_obj_is_callable(args[1])) {
        mp_raise_TypeError(MP_ERROR_TEXT("callback must be callable"));
    }
    unsigned int id = 0;
    while (id < IRQSIM_NUM_TIMERS && MP_STATE_PORT(irqsim_timers)[id] != NULL) {
        ++id;
    }
    if (id == IRQSIM_NUM_TIMERS) {
        mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("no free timer"));
    }
    // The finaliser (deinit) stops the timer at a soft reset, whose gc_sweep_all() frees the
    // object that the interrupt would otherwise go on using.
    irqsim_timer_obj_t *self = mp_obj_malloc_with_finaliser(irqsim_timer_obj_t, type);
    self->id = id;
    self->period = IRQSIM_PCLK_HZ / freq;
    uint32_t seed = irqsim_seed_next ? irqsim_seed_next : mp_hal_ticks_us();
    if (irqsim_seed_next) {
        // A second timer gets a jitter of its own, as reproducible as the first's.
        irqsim_seed_next = irqsim_seed_next * 1664525u + 1013904223u;
        irqsim_seed_next = irqsim_seed_next ? irqsim_seed_next : 1;
    }
    self->rng = 0x9e3779b9u ^ (seed * 2654435761u) ^ id;
    if (self->rng == 0) {
        self->rng = 1;
    }
    self->callback = args[1];
    self->count = 0;

    irqsim_install_vectors();
    irqsim_cmsdk_timer_t *t = IRQSIM_TIMER(id);
    t->CTRL = 0;
    t->INTSTATUS = 1;
    t->RELOAD = irqsim_next_reload(self);
    t->VALUE = irqsim_next_reload(self);
    MP_STATE_PORT(irqsim_timers)[id] = self;
    IRQSIM_NVIC_ICPR0 = 1u << (IRQSIM_TIMER_IRQ0 + id);
    IRQSIM_NVIC_ISER0 = 1u << (IRQSIM_TIMER_IRQ0 + id);
    t->CTRL = IRQSIM_CTRL_EN | IRQSIM_CTRL_IRQEN;
    return MP_OBJ_FROM_PTR(self);
}

// timer.count() -> how many times the callback has been called
static mp_obj_t irqsim_timer_count(mp_obj_t self_in) {
    irqsim_timer_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_int_from_uint(self->count);
}
static MP_DEFINE_CONST_FUN_OBJ_1(irqsim_timer_count_obj, irqsim_timer_count);

// timer.deinit(): stop the interrupts; the callback is not called again.
static mp_obj_t irqsim_timer_deinit(mp_obj_t self_in) {
    irqsim_timer_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (MP_STATE_PORT(irqsim_timers)[self->id] == self) {
        irqsim_timer_stop(self);
        MP_STATE_PORT(irqsim_timers)[self->id] = NULL;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(irqsim_timer_deinit_obj, irqsim_timer_deinit);

static void irqsim_timer_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    irqsim_timer_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "Timer(%u, freq_hz=%u)", self->id, (unsigned int)(IRQSIM_PCLK_HZ / self->period));
}

static const mp_rom_map_elem_t irqsim_timer_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&irqsim_timer_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&irqsim_timer_deinit_obj) },
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&irqsim_timer_deinit_obj) },
};
static MP_DEFINE_CONST_DICT(irqsim_timer_locals_dict, irqsim_timer_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    irqsim_timer_type,
    MP_QSTR_Timer,
    MP_TYPE_FLAG_NONE,
    make_new, irqsim_timer_make_new,
    print, irqsim_timer_print,
    locals_dict, &irqsim_timer_locals_dict
    );

// irqsim.seed(n): the timers made from now on draw their periods from n (1..2**32-1).
static mp_obj_t irqsim_seed(mp_obj_t seed_in) {
    mp_uint_t seed = mp_obj_get_int_truncated(seed_in);
    if (seed == 0 || seed > 0xffffffffu) {
        mp_raise_ValueError(MP_ERROR_TEXT("seed must be 1..2**32-1"));
    }
    irqsim_seed_next = seed;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(irqsim_seed_obj, irqsim_seed);

static const mp_rom_map_elem_t irqsim_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_irqsim) },
    { MP_ROM_QSTR(MP_QSTR_seed), MP_ROM_PTR(&irqsim_seed_obj) },
    { MP_ROM_QSTR(MP_QSTR_Timer), MP_ROM_PTR(&irqsim_timer_type) },
};
static MP_DEFINE_CONST_DICT(irqsim_module_globals, irqsim_module_globals_table);

const mp_obj_module_t irqsim_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&irqsim_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_irqsim, irqsim_user_cmodule);
