package dev.softdelete.it.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.util.ArrayList;
import java.util.List;

/**
 * A JOINED subclass that is itself a cascade child and a cascade parent: its foreign key
 * {@code tank_id} is in the subclass table {@code joined_cascade_fish}, while its marker is in the
 * root table; its REMOVE cascade goes on to {@link JoinedCascadeCheckup}.
 */
@Entity
public class JoinedCascadeFish extends JoinedCascadeAnimal {

    private String water;

    @ManyToOne(fetch = FetchType.LAZY)
    private JoinedCascadeTank tank;

    @OneToMany(mappedBy = "fish", cascade = CascadeType.ALL)
    private List<JoinedCascadeCheckup> checkups = new ArrayList<>();

    protected JoinedCascadeFish() {
    }

    public JoinedCascadeFish(String name, String water) {
        super(name);
        this.water = water;
    }

    void setTank(JoinedCascadeTank tank) {
        this.tank = tank;
    }

    public JoinedCascadeCheckup checkup(String note) {
        JoinedCascadeCheckup checkup = new JoinedCascadeCheckup(this, note);
        checkups.add(checkup);
        return checkup;
    }

    public String getWater() {
        return water;
    }

    public List<JoinedCascadeCheckup> getCheckups() {
        return checkups;
    }
}
