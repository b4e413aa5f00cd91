// The emulator delta: what QEMU's netduinoplus2 machine (an STM32F405 without USB, SDIO, CCM
// RAM, GPIO, RCC or flash interface models) needs of a PYBV11 board config. Included, after the
// board's own header, by pyb-emu (our firmware) and pyb-emu-stock (upstream's PYBV11).
// Each line exists because the emulated chip lacks what the real board has.
// The machine has no USB OTG: the REPL goes to USART1, which is qemu's first -serial.
#undef MICROPY_HW_UART_REPL
#undef MICROPY_HW_UART_REPL_BAUD
#define MICROPY_HW_UART_REPL        PYB_UART_1
#define MICROPY_HW_UART_REPL_BAUD   115200
#undef MICROPY_HW_ENABLE_USB
#define MICROPY_HW_ENABLE_USB       (0)

// No SDIO model: the card driver would wait on it.
#undef MICROPY_HW_ENABLE_SDCARD
#define MICROPY_HW_ENABLE_SDCARD    (0)

// The internal-flash block device caches a sector in CCM RAM (0x10000000), which the machine
// lacks, and the flash interface is unimplemented: no /flash (HAS_FLASH 0 drops pyb.Flash,
// else the link misses pyb_flash_type).
#undef MICROPY_HW_ENABLE_INTERNAL_FLASH_STORAGE
#define MICROPY_HW_ENABLE_INTERNAL_FLASH_STORAGE (0)
#undef MICROPY_HW_HAS_FLASH
#define MICROPY_HW_HAS_FLASH        (0)

// GPIO is unimplemented and reads 0; the real USR switch reads 0 when pressed, which would make
// boot see it held (safe mode / factory reset prompts). Pressed is 1 here.
#undef MICROPY_HW_USRSW_PRESSED
#define MICROPY_HW_USRSW_PRESSED    (1)

// RCC is unimplemented: the LSE never becomes ready (a precaution; LSI is not waited on).
#undef MICROPY_HW_RTC_USE_LSE
#define MICROPY_HW_RTC_USE_LSE      (0)

