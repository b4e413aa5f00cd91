# drive: the tutorial loop's trampoline in Python, for firmware without _uasyncio (C, in
# modules/uasyncio). Both use only what _asyncio_internals checks in the core they are given.


def Drive(coro, core):  # noqa: N802 (the name of the C type it stands in for)
    # Runs coro as the task's coroutine. While coro runs, task.data holds a mark: every asyncio
    # awaitable that suspends a task either puts it on the run queue (push() sets data to None)
    # or names in data what it waits on. A mark still there after coro gave way means nothing
    # did: a bare yield, so the task is pushed to run after the tasks already ready. The mark
    # is taken away then: asyncio resumes a task, and ends it, with data None.
    task = core.cur_task
    value = None
    error = None
    while True:
        task.data = Drive
        try:
            if error is None:
                got = coro.send(value)
            else:
                got = coro.throw(error)
        except StopIteration as e:
            return e.value
        finally:
            marked = task.data is Drive
            if marked:
                task.data = None
        error = None
        if got is not None:
            error = TypeError("a coroutine yielded a value: use await")
            continue
        if marked:
            core._task_queue.push(task)
        try:
            value = yield
        except BaseException as e:  # CancelledError and the like go to the coroutine
            error = e
