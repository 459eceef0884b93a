# packaging/train-builtin.sh on the tiny preset: a fresh run goes through every stage to an exported
# model folder, and the same command again resumes at the targets (no stage trains a step more)
# and exports again. With ACE_DIT_COOLDOWN the last DiT step runs at the cooled-down rate, and
# the second pass's init accepts the cooled-down run; ACE_DECODER_STEPS adds the decoder stage.
# Then `ace-train roundtrip` on the run and on its export. Arguments: -DSCRIPT= -DTRAIN_BIN= -DWORK= -DDATA=
file(REMOVE_RECURSE "${WORK}")
set(ENV{ACE_SKIP_SETUP} 1)
set(ENV{ACE_TRAIN_BIN} "${TRAIN_BIN}")
set(ENV{ACE_TRAIN_PRESET} tiny)
set(ENV{ACE_VAE_STEPS} 3)
set(ENV{ACE_VAE_THREADS} 1)
set(ENV{ACE_DIT_COOLDOWN} 1)
set(ENV{ACE_DECODER_STEPS} 2)
foreach(pass first second)
  execute_process(COMMAND bash "${SCRIPT}" "${WORK}" 2 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${pass} run failed (${rc}):\n${out}\n${err}")
  endif()
  foreach(file models/ace_model.json models/dit/ace_builtin.safetensors models/vae/vae.safetensors)
    if(NOT EXISTS "${WORK}/export/${file}")
      message(FATAL_ERROR "${pass} run: ${WORK}/export/${file} is missing:\n${out}")
    endif()
  endforeach()
  string(REGEX MATCHALL "(vae|dit|decoder) step [0-9]+" steps "${out}")
  if(pass STREQUAL first AND NOT out MATCHES "dit step 2/2 [^\n]* lr 0\\.00e\\+00")
    message(FATAL_ERROR "the last DiT step did not run at the cooled-down rate 0:\n${out}")
  endif()
  set(steps_${pass} "${steps}")
endforeach()
if(NOT steps_first MATCHES "vae step 3" OR NOT steps_first MATCHES "dit step 2" OR NOT steps_first MATCHES "decoder step 2")
  message(FATAL_ERROR "the first run did not train both stages: ${steps_first}")
endif()
if(steps_second)
  message(FATAL_ERROR "the second run trained again instead of resuming at the targets: ${steps_second}")
endif()

# The autoencoder round trip of an image, from the work folder and from the exported model.
set(image "${DATA}/lcu/prep/unchanged_image.png")  # 48x32
foreach(source "--work;${WORK}" "--model;${WORK}/export")
  execute_process(COMMAND "${TRAIN_BIN}" roundtrip ${source} --out-dir "${WORK}/roundtrip" "${image}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "unchanged_image.png +L1 0\\.[0-9]+")
    message(FATAL_ERROR "roundtrip ${source} failed (${rc}):\n${out}\n${err}")
  endif()
  if(NOT EXISTS "${WORK}/roundtrip/unchanged_image_vae.png")
    message(FATAL_ERROR "roundtrip ${source} wrote no image")
  endif()
  file(REMOVE "${WORK}/roundtrip/unchanged_image_vae.png")
endforeach()
# An image whose sides the autoencoder cannot take is refused, naming the file.
execute_process(COMMAND "${TRAIN_BIN}" roundtrip --work "${WORK}" --out-dir "${WORK}/roundtrip"
                        "${DATA}/lcu/prep/inpaint_mask.png"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "inpaint_mask.png" OR NOT err MATCHES "60x45")
  message(FATAL_ERROR "a 60x45 image was not refused with its name and size (${rc}):\n${out}\n${err}")
endif()
