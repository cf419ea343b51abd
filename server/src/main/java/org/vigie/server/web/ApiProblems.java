package org.vigie.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem document. Input errors add an {@code errors} list of
 * {@code {field, message}} so a client can point at what is wrong; messages follow the request's
 * Accept-Language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(this::describe)
                .toList();
        ProblemDetail problem = badRequest("The request has " + errors.size() + " invalid field"
                + (errors.size() == 1 ? "" : "s") + ": "
                + errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")) + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private Map<String, Object> describe(FieldError error) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("field", error.getField());
        described.put("message", messages.getMessage(error, LocaleContextHolder.getLocale()));
        if (error.getRejectedValue() != null && !error.getField().toLowerCase().contains("password")) {
            described.put("rejectedValue", String.valueOf(error.getRejectedValue()));
        }
        return described;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        JsonMappingException mapping = mappingProblem(ex);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = fieldMessage(mapping);
            ProblemDetail problem = badRequest("Invalid value for field '" + field + "': " + message);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            return ResponseEntity.badRequest().body(problem);
        }
        String where = cause instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null
                ? " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                : "";
        return ResponseEntity.badRequest().body(badRequest("The request body is not valid JSON" + where + "."));
    }

    /**
     * The mapping problem that names the field, wherever it is in the chain: a date that is no date
     * is a mapping problem caused by a {@code DateTimeParseException}, which is the most specific cause.
     */
    private static JsonMappingException mappingProblem(Throwable thrown) {
        for (Throwable cause = thrown; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return mapping;
            }
        }
        return null;
    }

    private static String fieldMessage(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "'" + format.getValue() + "' is not one of " + allowed;
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "unknown field; known fields are " + unknown.getKnownPropertyIds();
        }
        if (mapping instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
        }
        return "has the wrong type";
    }

    /** A malformed id in a path can name nothing: the same 404 as an unknown id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No " + ex.getName() + " '" + ex.getValue() + "'.");
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        ProblemDetail problem = badRequest("Invalid value '" + ex.getValue() + "' for parameter '" + ex.getName() + "'.");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "invalid value")));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A unique constraint the service did not check first (a race between two requests). */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "That already exists.");
        problem.setTitle("Conflict");
        fieldOfUniqueIndex(String.valueOf(ex.getMessage()))
                .ifPresent(field -> problem.setProperty("errors", List.of(Map.of("field", field, "message", "already taken"))));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Unique indexes are named {@code <table>_<column>_key} in our migrations. */
    private static java.util.Optional<String> fieldOfUniqueIndex(String message) {
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"[a-z]+_([a-z_]+)_key\"").matcher(message);
        return index.find() ? java.util.Optional.of(index.group(1)) : java.util.Optional.empty();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this.");
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return problem;
    }
}
