// _uasyncio: the C part of the tutorial's event loop (frozen/uasyncio), which works without it:
// uasyncio/drive.py is the same in Python, for stock firmware.
//
// Drive, the loop's coroutine trampoline. A task started through the tutorial's loop runs
// Drive(coro) instead of coro. Drive passes send() and throw() through, and makes a bare
// `yield` (the tutorial's "give way") reschedule the task, as `await asyncio.sleep_ms(0)`
// would; asyncio would drop such a task. A coroutine that yields a value gets a TypeError
// there. In C because it runs at every switch of such a task: it keeps them as fast as plain
// asyncio tasks.
#include "py/runtime.h"

typedef struct _uasyncio_drive_obj_t {
    mp_obj_base_t base;
    mp_obj_t coro;
    mp_obj_t asyncio; // asyncio.core: cur_task, _task_queue
} uasyncio_drive_obj_t;

// Drive(coro, asyncio_core)
static mp_obj_t uasyncio_drive_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    uasyncio_drive_obj_t *self = mp_obj_malloc(uasyncio_drive_obj_t, type);
    self->coro = args[0];
    self->asyncio = args[1];
    return MP_OBJ_FROM_PTR(self);
}

// While coro runs, task.data holds the Drive itself, a mark: every asyncio awaitable that
// suspends a task either puts it on the run queue (push() sets data to None) or names in data
// what it waits on. A mark still there after coro gave way means nothing did either: a bare
// yield, so the task is pushed to run again after the tasks already ready, as
// `await asyncio.sleep_ms(0)` would. asyncio resumes a task with data None, and asserts it is
// None when the task ends, so the mark is taken away then.
static mp_obj_t uasyncio_drive_resume(mp_obj_t self_in, mp_obj_t send_value, mp_obj_t throw_value) {
    uasyncio_drive_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t task = mp_load_attr(self->asyncio, MP_QSTR_cur_task);
    for (;;) {
        mp_store_attr(task, MP_QSTR_data, self_in);
        mp_obj_t got;
        mp_vm_return_kind_t kind = mp_resume(self->coro, send_value, throw_value, &got);
        bool marked = mp_load_attr(task, MP_QSTR_data) == self_in;
        if (marked) {
            mp_store_attr(task, MP_QSTR_data, mp_const_none);
        }
        if (kind == MP_VM_RETURN_NORMAL) {
            mp_raise_StopIteration(got);
        } else if (kind == MP_VM_RETURN_EXCEPTION) {
            nlr_raise(got);
        } else if (got == mp_const_none) {
            if (marked) {
                // asyncio.core._task_queue.push(task)
                mp_obj_t dest[3];
                mp_load_method(mp_load_attr(self->asyncio, MP_QSTR__task_queue), MP_QSTR_push, dest);
                dest[2] = task;
                mp_call_method_n_kw(1, 0, dest);
            }
            return mp_const_none;
        }
        // A coroutine that yields a value: raise at that point in it.
        send_value = mp_const_none;
        throw_value = mp_obj_new_exception_msg(&mp_type_TypeError,
            MP_ERROR_TEXT("a coroutine yielded a value: use await"));
    }
}

// drive.send(value)
static mp_obj_t uasyncio_drive_send(mp_obj_t self_in, mp_obj_t value) {
    return uasyncio_drive_resume(self_in, value, MP_OBJ_NULL);
}
static MP_DEFINE_CONST_FUN_OBJ_2(uasyncio_drive_send_obj, uasyncio_drive_send);

// drive.throw(exc): exc is an exception class or instance, as for a generator. The value sent
// with it is None, as generator.throw() sends (py/objgenerator.c): anything else is refused by
// a coroutine that has not started yet, e.g. a call_later() cancelled before it ran.
static mp_obj_t uasyncio_drive_throw(size_t n_args, const mp_obj_t *args) {
    mp_obj_t exc = n_args > 2 && args[2] != mp_const_none ? args[2] : args[1];
    return uasyncio_drive_resume(args[0], mp_const_none, exc);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(uasyncio_drive_throw_obj, 2, 4, uasyncio_drive_throw);

static const mp_rom_map_elem_t uasyncio_drive_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_send), MP_ROM_PTR(&uasyncio_drive_send_obj) },
    { MP_ROM_QSTR(MP_QSTR_throw), MP_ROM_PTR(&uasyncio_drive_throw_obj) },
};
static MP_DEFINE_CONST_DICT(uasyncio_drive_locals_dict, uasyncio_drive_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    uasyncio_drive_type,
    MP_QSTR_Drive,
    MP_TYPE_FLAG_NONE,
    make_new, uasyncio_drive_make_new,
    locals_dict, &uasyncio_drive_locals_dict
    );

static const mp_rom_map_elem_t uasyncio_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__uasyncio) },
    { MP_ROM_QSTR(MP_QSTR_Drive), MP_ROM_PTR(&uasyncio_drive_type) },
};
static MP_DEFINE_CONST_DICT(uasyncio_module_globals, uasyncio_module_globals_table);

const mp_obj_module_t uasyncio_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&uasyncio_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR__uasyncio, uasyncio_user_cmodule);
