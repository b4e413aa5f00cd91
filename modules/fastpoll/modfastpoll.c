// _fastpoll: device readiness answered in C, so asyncio's scheduler runs no Python for it.
//
// The design (one hub polled for every waited object, the pending flag, priority wake, Bits) is
// docs/hub.md; this file is its C implementation. The frozen `fastpoll` package adds
// `async def wait()`.
#include <stdint.h>
#include <string.h>

#include "py/binary.h"
#include "py/mphal.h"
#include "py/objint.h"
#include "py/runtime.h"
#include "py/smallint.h"
#include "py/stream.h"

// On a tickless port (rp2: the CPU sleeps in WFE until an interrupt or a due timer, upstream
// micropython#18811) nothing wakes asyncio's poller when a waited Bits' word changes, as no
// interrupt announces it: the frozen fastpoll package then keeps one task sleeping this many
// ms in a loop while any Bits is waited, so the poller's timeout is never unbounded. 0 where a
// periodic tick (stm32: SysTick, every ms) re-polls anyway. A board's mpconfigboard.h sets it.
#ifndef MICROPY_FASTPOLL_BITS_POLL_MS
#define MICROPY_FASTPOLL_BITS_POLL_MS (0)
#endif

// Counter saturates here: the largest small int on a 32-bit port, so a count never needs a
// heap-allocated int. A wait() that returns this value means "at least this many".
#define FASTPOLL_COUNTER_MAX ((mp_uint_t)0x3fffffff)

// Every fastpoll object starts like this. While a task waits on it, the object is in one of the
// hub's lists and `waiter` is that task. (The lists are the hub's arrays rather than links in
// the objects, so a Flag or Counter keeps to one 16-byte GC block.)
typedef struct _fastpoll_obj_t {
    mp_obj_base_t base;
    mp_obj_t waiter; // the waiting task, or MP_OBJ_NULL
    bool priority;
} fastpoll_obj_t;

typedef struct _fastpoll_flag_obj_t {
    fastpoll_obj_t head;
    volatile uint8_t state;
} fastpoll_flag_obj_t;

typedef struct _fastpoll_counter_obj_t {
    fastpoll_obj_t head;
    volatile mp_uint_t count;
} fastpoll_counter_obj_t;

typedef struct _fastpoll_bits_obj_t {
    fastpoll_obj_t head;
    uint8_t width; // bytes in the word: 1, 2 or 4
    mp_obj_t buffer; // the buffer object, or MP_OBJ_NULL when target is an address
    const volatile void *addr; // the word, when target is an address
    uint32_t mask;
    uint32_t value;
} fastpoll_bits_obj_t;

// Objects being waited on, in the order their waits began.
typedef struct _fastpoll_list_t {
    size_t len;
    size_t alloc;
    fastpoll_obj_t **items;
} fastpoll_list_t;

typedef struct _fastpoll_hub_obj_t {
    mp_obj_base_t base;
    mp_obj_t asyncio; // the asyncio.core module: cur_task, _task_queue
    mp_obj_t entry; // the hub's entry in asyncio's IO map, or MP_OBJ_NULL
    fastpoll_list_t signalled; // waited Flags and Counters: checked when an IRQ says so
    fastpoll_list_t polled; // waited Bits: checked on every pass
} fastpoll_hub_obj_t;

// Raised by set()/add() on an object being waited on (and by the hub when an object is ready as
// it starts being waited on); lowered by the hub before it looks at its signalled list. One
// flag, as there is one hub in a program (fastpoll's).
static volatile bool fastpoll_pending;

static const mp_obj_type_t fastpoll_flag_type;
static const mp_obj_type_t fastpoll_counter_type;
static const mp_obj_type_t fastpoll_bits_type;
static const mp_obj_type_t fastpoll_hub_type;

// The C object behind self_in, which every method and ioctl must fetch through this. The poller
// hands the ioctl whatever was registered, and an unbound call such as fastpoll.Counter.add(c)
// hands a method the instance itself: either may be an instance of a Python subclass (the
// frozen layer's), whose native part is the C object; writing through the instance would
// corrupt it. The runtime checks no self passed to a method looked up on a Python subclass,
// so this does: with an instance of the type it allocates nothing and cannot raise, so IRQ
// handlers may use it.
static void *fastpoll_native(mp_obj_t self_in, const mp_obj_type_t *type) {
    mp_obj_t native = mp_obj_cast_to_native_base(self_in, MP_OBJ_FROM_PTR(type));
    if (native == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("argument should be a '%q' not a '%q'"),
            type->name, mp_obj_get_type(self_in)->name);
    }
    return MP_OBJ_TO_PTR(native);
}

// The C object behind any fastpoll object (Flag, Counter, Bits or an instance of a subclass);
// TypeError for anything else. Allocates nothing when given a fastpoll object.
static fastpoll_obj_t *fastpoll_any(mp_obj_t obj) {
    static const mp_obj_type_t *const types[] = {
        &fastpoll_flag_type, &fastpoll_counter_type, &fastpoll_bits_type,
    };
    for (size_t i = 0; i < MP_ARRAY_SIZE(types); ++i) {
        mp_obj_t native = mp_obj_cast_to_native_base(obj, MP_OBJ_FROM_PTR(types[i]));
        if (native != MP_OBJ_NULL) {
            return MP_OBJ_TO_PTR(native);
        }
    }
    mp_raise_TypeError(MP_ERROR_TEXT("not a fastpoll object"));
}

// A new object of a fastpoll type, its common part set.
static void *fastpoll_obj_new(size_t size, const mp_obj_type_t *type, bool priority) {
    fastpoll_obj_t *self = mp_obj_malloc_helper(size, type);
    self->waiter = MP_OBJ_NULL;
    self->priority = priority;
    return self;
}

static bool fastpoll_bits_is_ready(fastpoll_bits_obj_t *self);

// Whether a wait on the object may return. Allocates nothing and cannot raise: the hub asks it
// from inside asyncio's poller.
static bool fastpoll_is_ready(fastpoll_obj_t *self) {
    if (self->base.type == &fastpoll_flag_type) {
        return ((fastpoll_flag_obj_t *)self)->state;
    } else if (self->base.type == &fastpoll_counter_type) {
        return ((fastpoll_counter_obj_t *)self)->count != 0;
    } else {
        return fastpoll_bits_is_ready((fastpoll_bits_obj_t *)self);
    }
}

// Each object also answers MP_STREAM_POLL itself, so select.poll can wait on it directly; every
// other request is an error, which also tells the unix port's poller it has no file descriptor.
static mp_uint_t fastpoll_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    if (request == MP_STREAM_POLL) {
        return fastpoll_is_ready(fastpoll_any(self_in)) ? (arg & MP_STREAM_POLL_RD) : 0;
    }
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

static const mp_stream_p_t fastpoll_stream_p = {
    .ioctl = fastpoll_ioctl,
};

// The keyword-only `priority` that Flag and Counter take (Bits takes it after its own args).
static const mp_arg_t fastpoll_priority_allowed[] = {
    { MP_QSTR_priority, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
};

static bool fastpoll_parse_priority(size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_val_t vals[MP_ARRAY_SIZE(fastpoll_priority_allowed)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(fastpoll_priority_allowed),
        fastpoll_priority_allowed, vals);
    return vals[0].u_bool;
}

// obj.priority -> bool (read-only); other names fall through to the type's locals.
static void fastpoll_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] == MP_OBJ_NULL) {
        if (attr == MP_QSTR_priority) {
            // Already native: for a subclass instance the runtime calls attr with its
            // native part, and a type's own attributes never reach this handler.
            fastpoll_obj_t *self = MP_OBJ_TO_PTR(self_in);
            dest[0] = mp_obj_new_bool(self->priority);
        } else {
            dest[1] = MP_OBJ_SENTINEL;
        }
    }
}

/******************************************************************************/
// Flag

// Flag(*, priority=False) -> a flag that an IRQ handler sets and a task awaits.
static mp_obj_t fastpoll_flag_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    bool priority = fastpoll_parse_priority(n_args, n_kw, args);
    fastpoll_flag_obj_t *self = fastpoll_obj_new(sizeof(fastpoll_flag_obj_t), type, priority);
    self->state = 0;
    return MP_OBJ_FROM_PTR(self);
}

// Tells the hub an object's waiter may be woken. Called from IRQ handlers: it writes one byte.
static void fastpoll_signal(fastpoll_obj_t *self) {
    if (self->waiter != MP_OBJ_NULL) {
        fastpoll_pending = true;
    }
}

// flag.set(): safe in a hard IRQ handler; it writes two bytes, allocates nothing and cannot raise.
static mp_obj_t fastpoll_flag_set(mp_obj_t self_in) {
    fastpoll_flag_obj_t *self = fastpoll_native(self_in, &fastpoll_flag_type);
    self->state = 1;
    fastpoll_signal(&self->head);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_flag_set_obj, fastpoll_flag_set);

// flag.clear()
static mp_obj_t fastpoll_flag_clear(mp_obj_t self_in) {
    fastpoll_flag_obj_t *self = fastpoll_native(self_in, &fastpoll_flag_type);
    self->state = 0;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_flag_clear_obj, fastpoll_flag_clear);

// flag.is_set() -> bool
static mp_obj_t fastpoll_flag_is_set(mp_obj_t self_in) {
    fastpoll_flag_obj_t *self = fastpoll_native(self_in, &fastpoll_flag_type);
    return mp_obj_new_bool(self->state);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_flag_is_set_obj, fastpoll_flag_is_set);

static const mp_rom_map_elem_t fastpoll_flag_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_set), MP_ROM_PTR(&fastpoll_flag_set_obj) },
    { MP_ROM_QSTR(MP_QSTR_clear), MP_ROM_PTR(&fastpoll_flag_clear_obj) },
    { MP_ROM_QSTR(MP_QSTR_is_set), MP_ROM_PTR(&fastpoll_flag_is_set_obj) },
};
static MP_DEFINE_CONST_DICT(fastpoll_flag_locals_dict, fastpoll_flag_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    fastpoll_flag_type,
    MP_QSTR_Flag,
    MP_TYPE_FLAG_NONE,
    make_new, fastpoll_flag_make_new,
    attr, fastpoll_attr,
    protocol, &fastpoll_stream_p,
    locals_dict, &fastpoll_flag_locals_dict
    );

/******************************************************************************/
// Counter

// Counter(*, priority=False) -> an event count that IRQ handlers add to and a task drains.
static mp_obj_t fastpoll_counter_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    bool priority = fastpoll_parse_priority(n_args, n_kw, args);
    fastpoll_counter_obj_t *self = fastpoll_obj_new(sizeof(fastpoll_counter_obj_t), type, priority);
    self->count = 0;
    return MP_OBJ_FROM_PTR(self);
}

// counter.add(n=1): safe in a hard IRQ handler. With a valid n it allocates nothing and cannot
// raise: the sum saturates at MAX inside an atomic section, so a nested IRQ cannot lose an add.
static mp_obj_t fastpoll_counter_add(size_t n_args, const mp_obj_t *args) {
    fastpoll_counter_obj_t *self = fastpoll_native(args[0], &fastpoll_counter_type);
    mp_int_t n = n_args > 1 ? mp_obj_get_int(args[1]) : 1;
    if (n < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("n must be >= 0"));
    }
    mp_uint_t atomic_state = MICROPY_BEGIN_ATOMIC_SECTION();
    mp_uint_t count = self->count;
    self->count = (mp_uint_t)n >= FASTPOLL_COUNTER_MAX - count ? FASTPOLL_COUNTER_MAX : count + n;
    MICROPY_END_ATOMIC_SECTION(atomic_state);
    fastpoll_signal(&self->head);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(fastpoll_counter_add_obj, 1, 2, fastpoll_counter_add);

// counter.value() -> the count now, left as it is
static mp_obj_t fastpoll_counter_value(mp_obj_t self_in) {
    fastpoll_counter_obj_t *self = fastpoll_native(self_in, &fastpoll_counter_type);
    return MP_OBJ_NEW_SMALL_INT(self->count);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_counter_value_obj, fastpoll_counter_value);

// counter.take() -> the count, reset to 0 in the same atomic section so no add() falls between.
static mp_obj_t fastpoll_counter_take(mp_obj_t self_in) {
    fastpoll_counter_obj_t *self = fastpoll_native(self_in, &fastpoll_counter_type);
    mp_uint_t atomic_state = MICROPY_BEGIN_ATOMIC_SECTION();
    mp_uint_t count = self->count;
    self->count = 0;
    MICROPY_END_ATOMIC_SECTION(atomic_state);
    return MP_OBJ_NEW_SMALL_INT(count);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_counter_take_obj, fastpoll_counter_take);

static const mp_rom_map_elem_t fastpoll_counter_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&fastpoll_counter_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&fastpoll_counter_value_obj) },
    { MP_ROM_QSTR(MP_QSTR_take), MP_ROM_PTR(&fastpoll_counter_take_obj) },
    { MP_ROM_QSTR(MP_QSTR_MAX), MP_ROM_INT(FASTPOLL_COUNTER_MAX) },
};
static MP_DEFINE_CONST_DICT(fastpoll_counter_locals_dict, fastpoll_counter_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    fastpoll_counter_type,
    MP_QSTR_Counter,
    MP_TYPE_FLAG_NONE,
    make_new, fastpoll_counter_make_new,
    attr, fastpoll_attr,
    protocol, &fastpoll_stream_p,
    locals_dict, &fastpoll_counter_locals_dict
    );

/******************************************************************************/
// Bits

// A Bits at an address reads that word on every scheduler pass: meant for status registers,
// whose reading must have no side effect. An address outside the chip's memory and peripherals
// would fault at the first poll, far from the line that made the Bits, so construction checks it
// against the memory map of the chip the firmware is built for: [start, end) regions that read
// without a bus fault. Unix has no map (its addresses are a process's) and no check.
typedef struct _fastpoll_region_t {
    uint32_t start;
    uint32_t end;
} fastpoll_region_t;

// The chip's map is one file in maps/, a FASTPOLL_REGION(start, end) line per region, which
// MICROPY_FASTPOLL_MAP names: a board may set it in its mpconfigboard.h (a board whose external
// memory differs), else the chip's define picks it here. The Python fallback's maps
// (frozen/fastpoll/fastpoll/_maps.py) are generated from the same files (scripts/genmaps.py).
// A new chip: its file in maps/, its line here, then make maps (docs/hub.md, "The memory maps").
#ifndef MICROPY_FASTPOLL_MAP
#if defined(STM32F405xx)
#define MICROPY_FASTPOLL_MAP "maps/stm32f405.h"
#elif defined(STM32F411xE)
#define MICROPY_FASTPOLL_MAP "maps/stm32f411.h"
#elif defined(STM32F722xx)
#define MICROPY_FASTPOLL_MAP "maps/stm32f722.h"
#elif defined(STM32F733xx)
#define MICROPY_FASTPOLL_MAP "maps/stm32f733.h"
#elif defined(STM32F767xx)
#define MICROPY_FASTPOLL_MAP "maps/stm32f767.h"
#elif defined(QEMU_SOC_MPS2) && defined(QEMU_MPS2_AN500)
#define MICROPY_FASTPOLL_MAP "maps/mps2_an500.h"
#elif defined(QEMU_SOC_MPS2)
#define MICROPY_FASTPOLL_MAP "maps/mps2_an385.h"
#elif defined(PICO_RP2040) && PICO_RP2040
#define MICROPY_FASTPOLL_MAP "maps/rp2040.h"
#elif defined(PICO_RP2350) && PICO_RP2350
#define MICROPY_FASTPOLL_MAP "maps/rp2350.h"
#endif
#endif

#ifdef MICROPY_FASTPOLL_MAP
static const fastpoll_region_t fastpoll_readable[] = {
#define FASTPOLL_MACHINE(name)
#define FASTPOLL_MACHINE_RISCV(name)
#define FASTPOLL_REGION(start, end) {start, end},
#ifdef __riscv
#define FASTPOLL_ARM_REGION(start, end) // an Arm core's private peripheral bus: not here
#else
#define FASTPOLL_ARM_REGION(start, end) {start, end},
#endif
    #include MICROPY_FASTPOLL_MAP
#undef FASTPOLL_MACHINE
#undef FASTPOLL_MACHINE_RISCV
#undef FASTPOLL_REGION
#undef FASTPOLL_ARM_REGION
};
#endif

// True when the 32-bit word at addr reads without a fault on this chip (always, with no map).
static bool fastpoll_bits_readable(uintptr_t addr) {
    #ifdef MICROPY_FASTPOLL_MAP
    for (size_t i = 0; i < MP_ARRAY_SIZE(fastpoll_readable); ++i) {
        if (addr >= fastpoll_readable[i].start && addr <= fastpoll_readable[i].end - 4) {
            return true;
        }
    }
    return false;
    #else
    (void)addr;
    return true;
    #endif
}

// True when the int arg is >= 0 and below 2 ** bits. Tested by shifting, not by converting,
// whose OverflowError for an int wider than a machine word the fallback does not raise. Two
// shifts: one by a whole word's width is undefined in C, as long-long ints do it.
static bool fastpoll_bits_int_fits(mp_obj_t arg, unsigned int bits) {
    if (mp_obj_int_sign(arg) < 0) {
        return false;
    }
    mp_obj_t high = mp_binary_op(MP_BINARY_OP_RSHIFT, arg, MP_OBJ_NEW_SMALL_INT(bits - 1));
    return mp_obj_int_sign(mp_binary_op(MP_BINARY_OP_RSHIFT, high, MP_OBJ_NEW_SMALL_INT(1))) == 0;
}

// A mask or value: an int that fits the word.
static uint32_t fastpoll_bits_get_word_arg(mp_obj_t arg, size_t width, qstr name) {
    if (!mp_obj_is_int(arg)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q must be an int"), name);
    }
    if (!fastpoll_bits_int_fits(arg, 8 * width)) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%q must fit in %d bytes"), name, (int)width);
    }
    return (uint32_t)mp_obj_get_int_truncated(arg);
}

// Bits(target, mask, value=None, *, priority=False) -> ready when (word & mask) == value.
// target is an address (a 32-bit word, 4-byte aligned, in the board's memory map: a status
// register, whose reading must have no side effect) or a writable buffer, whose first item is
// the word (bytearray: 1 byte, array('H'): 2 bytes, array('I'): 4 bytes). value defaults to
// mask: all mask bits set.
static mp_obj_t fastpoll_bits_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_target, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_mask, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_value, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_priority, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(allowed), allowed, vals);
    mp_obj_t target = vals[0].u_obj;

    mp_obj_t buffer = MP_OBJ_NULL;
    const volatile void *addr = NULL;
    size_t width;
    if (mp_obj_is_int(target)) {
        if (mp_obj_int_sign(target) <= 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("address must be > 0"));
        }
        mp_uint_t a = (mp_uint_t)mp_obj_get_int_truncated(target);
        width = 4;
        if (a % width != 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("address must be 4-byte aligned"));
        }
        if (!fastpoll_bits_int_fits(target, 8 * sizeof(mp_uint_t)) || !fastpoll_bits_readable(a)) {
            mp_raise_ValueError(MP_ERROR_TEXT("address is not memory or a peripheral of this board"));
        }
        addr = (const volatile void *)a;
    } else {
        mp_buffer_info_t bufinfo;
        // Writable only: an immutable buffer (bytes, str) could never become ready.
        if (!mp_get_buffer(target, &bufinfo, MP_BUFFER_WRITE)) {
            mp_raise_TypeError(MP_ERROR_TEXT("target must be an address or a writable buffer"));
        }
        char typecode = bufinfo.typecode;
        if (typecode == 'e' || typecode == 'f' || typecode == 'd') {
            mp_raise_ValueError(MP_ERROR_TEXT("buffer items must be integers"));
        }
        width = mp_binary_get_size('@', typecode, NULL);
        if (width != 1 && width != 2 && width != 4) {
            mp_raise_ValueError(MP_ERROR_TEXT("buffer items must be 1, 2 or 4 bytes"));
        }
        if (bufinfo.len < width) {
            mp_raise_ValueError(MP_ERROR_TEXT("buffer is empty"));
        }
        if ((uintptr_t)bufinfo.buf % width != 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("buffer is not aligned to its item size"));
        }
        buffer = target;
    }

    uint32_t mask = fastpoll_bits_get_word_arg(vals[1].u_obj, width, MP_QSTR_mask);
    if (mask == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("mask must not be 0"));
    }
    uint32_t value = mask;
    if (vals[2].u_obj != mp_const_none) {
        value = fastpoll_bits_get_word_arg(vals[2].u_obj, width, MP_QSTR_value);
        if (value & ~mask) {
            // Such a Bits could never become ready.
            mp_raise_ValueError(MP_ERROR_TEXT("value has bits outside mask"));
        }
    }

    fastpoll_bits_obj_t *self = fastpoll_obj_new(sizeof(fastpoll_bits_obj_t), type, vals[3].u_bool);
    self->width = width;
    self->buffer = buffer;
    self->addr = addr;
    self->mask = mask;
    self->value = value;
    return MP_OBJ_FROM_PTR(self);
}

// Reads the word into *word; false when a buffer has shrunk below one item since construction.
// Allocates nothing: the poller calls this on every scheduler pass.
static bool fastpoll_bits_read(fastpoll_bits_obj_t *self, uint32_t *word) {
    const volatile void *p = self->addr;
    if (self->buffer != MP_OBJ_NULL) {
        // Fetched each time: a bytearray may have been resized, moving its data.
        mp_buffer_info_t bufinfo;
        if (!mp_get_buffer(self->buffer, &bufinfo, MP_BUFFER_READ) || bufinfo.len < self->width) {
            return false;
        }
        p = bufinfo.buf;
    }
    switch (self->width) {
        case 1:
            *word = *(const volatile uint8_t *)p;
            break;
        case 2:
            *word = *(const volatile uint16_t *)p;
            break;
        default:
            *word = *(const volatile uint32_t *)p;
            break;
    }
    return true;
}

// bits.ready() -> bool: (word & mask) == value now.
static mp_obj_t fastpoll_bits_ready(mp_obj_t self_in) {
    fastpoll_bits_obj_t *self = fastpoll_native(self_in, &fastpoll_bits_type);
    uint32_t word;
    if (!fastpoll_bits_read(self, &word)) {
        mp_raise_ValueError(MP_ERROR_TEXT("buffer is empty"));
    }
    return mp_obj_new_bool((word & self->mask) == self->value);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_bits_ready_obj, fastpoll_bits_ready);

// Ready also when the buffer has shrunk: its waiter wakes and ready() raises, rather than the
// poller raising.
static bool fastpoll_bits_is_ready(fastpoll_bits_obj_t *self) {
    uint32_t word;
    return !fastpoll_bits_read(self, &word) || (word & self->mask) == self->value;
}

static const mp_rom_map_elem_t fastpoll_bits_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_ready), MP_ROM_PTR(&fastpoll_bits_ready_obj) },
};
static MP_DEFINE_CONST_DICT(fastpoll_bits_locals_dict, fastpoll_bits_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    fastpoll_bits_type,
    MP_QSTR_Bits,
    MP_TYPE_FLAG_NONE,
    make_new, fastpoll_bits_make_new,
    attr, fastpoll_attr,
    protocol, &fastpoll_stream_p,
    locals_dict, &fastpoll_bits_locals_dict
    );

/******************************************************************************/
// Hub

// ticks_ms() as asyncio reads it, and ticks_diff(), for run-queue keys.
static mp_int_t fastpoll_ticks(void) {
    return mp_hal_ticks_ms() & (MICROPY_PY_TIME_TICKS_PERIOD - 1);
}

static mp_int_t fastpoll_ticks_diff(mp_int_t t1, mp_int_t t0) {
    return ((t1 - t0 + MICROPY_PY_TIME_TICKS_PERIOD / 2) & (MICROPY_PY_TIME_TICKS_PERIOD - 1))
           - MICROPY_PY_TIME_TICKS_PERIOD / 2;
}

// asyncio.core._task_queue.push(task[, key]); allocates nothing.
static void fastpoll_push_task(mp_obj_t asyncio, mp_obj_t task, mp_obj_t key) {
    mp_obj_t dest[4];
    mp_load_method(mp_load_attr(asyncio, MP_QSTR__task_queue), MP_QSTR_push, dest);
    dest[2] = task;
    dest[3] = key;
    mp_call_method_n_kw(key == MP_OBJ_NULL ? 1 : 2, 0, dest);
}

// A run-queue key earlier than every task that is ready now or is woken in this pass (asyncio
// pushes those with the time after the poll): priority tasks run first. Equal keys pop in push
// order, so every priority task of one pass gets this one key.
static mp_obj_t fastpoll_priority_key(mp_obj_t asyncio) {
    mp_int_t earliest = fastpoll_ticks();
    mp_obj_t dest[2];
    mp_load_method(mp_load_attr(asyncio, MP_QSTR__task_queue), MP_QSTR_peek, dest);
    mp_obj_t head = mp_call_method_n_kw(0, 0, dest);
    if (head != mp_const_none) {
        mp_int_t key = MP_OBJ_SMALL_INT_VALUE(mp_load_attr(head, MP_QSTR_ph_key));
        if (fastpoll_ticks_diff(key, earliest) < 0) {
            earliest = key;
        }
    }
    return MP_OBJ_NEW_SMALL_INT((earliest - 1) & (MICROPY_PY_TIME_TICKS_PERIOD - 1));
}

// Takes item i out of the list, keeping the order of the rest.
static void fastpoll_list_del(fastpoll_list_t *list, size_t i) {
    list->len -= 1;
    memmove(&list->items[i], &list->items[i + 1], (list->len - i) * sizeof(list->items[0]));
    list->items[list->len] = NULL;
}

// Pushes the task of every ready object of the list onto the run queue and takes the object out
// of the list. Returns whether it woke any. Allocates nothing.
static bool fastpoll_hub_wake(fastpoll_hub_obj_t *hub, fastpoll_list_t *list, mp_obj_t *key) {
    bool woke = false;
    size_t i = 0;
    while (i < list->len) {
        fastpoll_obj_t *obj = list->items[i];
        if (!fastpoll_is_ready(obj)) {
            i += 1;
            continue;
        }
        fastpoll_list_del(list, i);
        mp_obj_t task = obj->waiter;
        obj->waiter = MP_OBJ_NULL;
        if (obj->priority && *key == MP_OBJ_NULL) {
            *key = fastpoll_priority_key(hub->asyncio);
        }
        fastpoll_push_task(hub->asyncio, task, obj->priority ? *key : MP_OBJ_NULL);
        woke = true;
    }
    return woke;
}

// The hub's answer to asyncio's poller, on every scheduler pass: one test of a byte while
// nothing happened (plus a read of each waited Bits). It wakes the tasks itself, then answers
// POLLOUT, which it was not asked for: asyncio then just polls it again for POLLIN (the map
// entry's read slot holds the hub, not a task). With no object waited on, it empties that slot
// and asyncio drops the hub from the poller.
static mp_uint_t fastpoll_hub_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    fastpoll_hub_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (request != MP_STREAM_POLL) {
        *errcode = MP_EINVAL;
        return MP_STREAM_ERROR;
    }
    bool woke = false;
    mp_obj_t key = MP_OBJ_NULL;
    if (fastpoll_pending) {
        // Lowered first: an IRQ during the walk raises it again for the next pass.
        fastpoll_pending = false;
        woke = fastpoll_hub_wake(self, &self->signalled, &key);
    }
    if (self->polled.len != 0) {
        woke |= fastpoll_hub_wake(self, &self->polled, &key);
    }
    if (self->signalled.len == 0 && self->polled.len == 0 && self->entry != MP_OBJ_NULL) {
        mp_obj_list_store(self->entry, MP_OBJ_NEW_SMALL_INT(0), mp_const_none);
        self->entry = MP_OBJ_NULL;
        return MP_STREAM_POLL_WR;
    }
    return woke ? MP_STREAM_POLL_WR : 0;
}

static const mp_stream_p_t fastpoll_hub_stream_p = {
    .ioctl = fastpoll_hub_ioctl,
};

// Hub(asyncio_core) -> the one object asyncio polls for every fastpoll object.
static mp_obj_t fastpoll_hub_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    fastpoll_hub_obj_t *self = mp_obj_malloc(fastpoll_hub_obj_t, type);
    self->asyncio = args[0];
    self->entry = MP_OBJ_NULL;
    self->signalled = (fastpoll_list_t) {0, 0, NULL};
    self->polled = (fastpoll_list_t) {0, 0, NULL};
    return MP_OBJ_FROM_PTR(self);
}

// Empties a list, forgetting its waiters.
static void fastpoll_hub_drop(fastpoll_list_t *list) {
    while (list->len != 0) {
        list->items[list->len - 1]->waiter = MP_OBJ_NULL;
        fastpoll_list_del(list, list->len - 1);
    }
}

// hub.attach(entry): the hub's new entry in asyncio's IO map. Waiters left from before belong
// to an event loop that has been replaced (asyncio.new_event_loop()): they are dropped.
static mp_obj_t fastpoll_hub_attach(mp_obj_t self_in, mp_obj_t entry) {
    fastpoll_hub_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (!mp_obj_is_type(entry, &mp_type_list)) {
        mp_raise_TypeError(MP_ERROR_TEXT("entry must be a list"));
    }
    fastpoll_hub_drop(&self->signalled);
    fastpoll_hub_drop(&self->polled);
    self->entry = entry;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(fastpoll_hub_attach_obj, fastpoll_hub_attach);

// hub.add(obj): the current task waits on obj (one waiter per object). Its task.data becomes the
// hub, so cancelling the task calls hub.remove(task).
static mp_obj_t fastpoll_hub_add(mp_obj_t self_in, mp_obj_t obj_in) {
    fastpoll_hub_obj_t *self = MP_OBJ_TO_PTR(self_in);
    fastpoll_obj_t *obj = fastpoll_any(obj_in);
    if (obj->waiter != MP_OBJ_NULL) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("another task is waiting on this object"));
    }
    mp_obj_t task = mp_load_attr(self->asyncio, MP_QSTR_cur_task);
    mp_store_attr(task, MP_QSTR_data, self_in);
    fastpoll_list_t *list = obj->base.type == &fastpoll_bits_type ? &self->polled : &self->signalled;
    if (list->len == list->alloc) {
        size_t alloc = list->alloc ? 2 * list->alloc : 4;
        list->items = m_renew(fastpoll_obj_t *, list->items, list->alloc, alloc);
        list->alloc = alloc;
    }
    list->items[list->len++] = obj;
    // Atomic against IRQ handlers: one that came before sees no waiter, so the readiness test
    // here catches its event; one that comes after raises the pending flag.
    mp_uint_t atomic_state = MICROPY_BEGIN_ATOMIC_SECTION();
    obj->waiter = task;
    if (fastpoll_is_ready(obj)) {
        fastpoll_pending = true;
    }
    MICROPY_END_ATOMIC_SECTION(atomic_state);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(fastpoll_hub_add_obj, fastpoll_hub_add);

// Takes the object that task waits on out of the list; whether it found one.
static bool fastpoll_hub_unlink(fastpoll_list_t *list, mp_obj_t task) {
    for (size_t i = 0; i < list->len; ++i) {
        if (list->items[i]->waiter == task) {
            list->items[i]->waiter = MP_OBJ_NULL;
            fastpoll_list_del(list, i);
            return true;
        }
    }
    return false;
}

// hub.remove(task): task no longer waits (asyncio calls this when it cancels the task).
static mp_obj_t fastpoll_hub_remove(mp_obj_t self_in, mp_obj_t task) {
    fastpoll_hub_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (!fastpoll_hub_unlink(&self->signalled, task)) {
        fastpoll_hub_unlink(&self->polled, task);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(fastpoll_hub_remove_obj, fastpoll_hub_remove);

// hub.polling() -> whether any Bits is waited on (the bounded-poll task runs while it is).
static mp_obj_t fastpoll_hub_polling(mp_obj_t self_in) {
    fastpoll_hub_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_bool(self->polled.len != 0);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_hub_polling_obj, fastpoll_hub_polling);

static const mp_rom_map_elem_t fastpoll_hub_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_attach), MP_ROM_PTR(&fastpoll_hub_attach_obj) },
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&fastpoll_hub_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&fastpoll_hub_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_polling), MP_ROM_PTR(&fastpoll_hub_polling_obj) },
};
static MP_DEFINE_CONST_DICT(fastpoll_hub_locals_dict, fastpoll_hub_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    fastpoll_hub_type,
    MP_QSTR_Hub,
    MP_TYPE_FLAG_NONE,
    make_new, fastpoll_hub_make_new,
    protocol, &fastpoll_hub_stream_p,
    locals_dict, &fastpoll_hub_locals_dict
    );

/******************************************************************************/
// Module

static const mp_rom_map_elem_t fastpoll_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__fastpoll) },
    { MP_ROM_QSTR(MP_QSTR_Flag), MP_ROM_PTR(&fastpoll_flag_type) },
    { MP_ROM_QSTR(MP_QSTR_Counter), MP_ROM_PTR(&fastpoll_counter_type) },
    { MP_ROM_QSTR(MP_QSTR_Bits), MP_ROM_PTR(&fastpoll_bits_type) },
    { MP_ROM_QSTR(MP_QSTR_BITS_POLL_MS), MP_ROM_INT(MICROPY_FASTPOLL_BITS_POLL_MS) },
    { MP_ROM_QSTR(MP_QSTR_Hub), MP_ROM_PTR(&fastpoll_hub_type) },
};
static MP_DEFINE_CONST_DICT(fastpoll_module_globals, fastpoll_module_globals_table);

const mp_obj_module_t fastpoll_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&fastpoll_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR__fastpoll, fastpoll_user_cmodule);
