package dev.softdelete.example.web;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.spring.RestoreConflictDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A restore refused by a live row holding the same unique key: 409, naming the key and the row. */
@RestControllerAdvice
public class RestoreConflicts {

    @ExceptionHandler(RestoreConflictDataAccessException.class)
    public ProblemDetail conflict(RestoreConflictDataAccessException e) {
        RestoreConflictException conflict = e.getConflict();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "a live row holds " + conflict.getColumns() + "; change or delete it first");
        problem.setProperty("columns", conflict.getColumns());
        problem.setProperty("liveId", conflict.getLiveId());
        return problem;
    }
}
