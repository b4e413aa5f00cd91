// fastpoll: device readiness answered in C, so asyncio's poller runs no Python for it.
#include "py/runtime.h"
#include "py/stream.h"

typedef struct _fastpoll_flag_obj_t {
    mp_obj_base_t base;
    volatile uint8_t state;
} fastpoll_flag_obj_t;

// Flag() -> a flag that an IRQ handler sets and a task awaits.
static mp_obj_t fastpoll_flag_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 0, false);
    fastpoll_flag_obj_t *self = mp_obj_malloc(fastpoll_flag_obj_t, type);
    self->state = 0;
    return MP_OBJ_FROM_PTR(self);
}

// flag.set(): safe in a hard IRQ handler; it writes one byte, allocates nothing and cannot raise.
static mp_obj_t fastpoll_flag_set(mp_obj_t self_in) {
    fastpoll_flag_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->state = 1;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_flag_set_obj, fastpoll_flag_set);

// flag.clear()
static mp_obj_t fastpoll_flag_clear(mp_obj_t self_in) {
    fastpoll_flag_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->state = 0;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_flag_clear_obj, fastpoll_flag_clear);

// flag.is_set() -> bool
static mp_obj_t fastpoll_flag_is_set(mp_obj_t self_in) {
    fastpoll_flag_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_bool(self->state);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fastpoll_flag_is_set_obj, fastpoll_flag_is_set);

// Stream ioctl: asyncio's select.poll asks MP_STREAM_POLL on every scheduler pass.
static mp_uint_t fastpoll_flag_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    fastpoll_flag_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (request == MP_STREAM_POLL) {
        return self->state ? (arg & MP_STREAM_POLL_RD) : 0;
    }
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

static const mp_stream_p_t fastpoll_flag_stream_p = {
    .ioctl = fastpoll_flag_ioctl,
};

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
    protocol, &fastpoll_flag_stream_p,
    locals_dict, &fastpoll_flag_locals_dict
    );

static const mp_rom_map_elem_t fastpoll_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_fastpoll) },
    { MP_ROM_QSTR(MP_QSTR_Flag), MP_ROM_PTR(&fastpoll_flag_type) },
};
static MP_DEFINE_CONST_DICT(fastpoll_module_globals, fastpoll_module_globals_table);

const mp_obj_module_t fastpoll_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&fastpoll_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_fastpoll, fastpoll_user_cmodule);
